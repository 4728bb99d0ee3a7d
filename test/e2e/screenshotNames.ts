// The README's screenshots: what `npm run demo -- --screenshots media/readme` writes (test/e2e/screenshots.ts takes
// them), and what the README may show. Kept free of imports so that a unit test can read it cheaply.

/** The colour themes each screen is taken in, by file-name suffix. */
export const SCREENSHOT_THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' } as const;
export type ScreenshotTheme = keyof typeof SCREENSHOT_THEMES;

/** The screens, in the order they are taken. */
export const SCREENSHOT_SCREENS = [
  'explorer',
  'business-process-edit',
  'business-process-review',
  'business-process-result',
  'user-group-edit',
  'user-group-review',
  'user-group-result',
  'groups-plan',
] as const;
export type ScreenshotScreen = (typeof SCREENSHOT_SCREENS)[number];

export const screenshotFile = (screen: ScreenshotScreen, theme: ScreenshotTheme): string => `${screen}-${theme}.png`;

/** Every file a screenshot run writes, e.g. explorer-light.png. */
export function screenshotFiles(): string[] {
  return (Object.keys(SCREENSHOT_THEMES) as ScreenshotTheme[]).flatMap((theme) => SCREENSHOT_SCREENS.map((s) => screenshotFile(s, theme)));
}
