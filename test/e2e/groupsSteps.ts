// Steps through a user groups file and its plan page that the groups-as-code UI test (groupsAsCode.test.ts) and the
// README screenshots (screenshots.ts) share, so that a changed selector breaks both the same way.
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './driver';
import { commandTitle, waitFor } from './driver';

/** The editor tab of a groups file (its name ends in .dwgroups.json). */
export async function waitForGroupsFileTab(wb: Workbench): Promise<void> {
  await wb.page.locator('.tabs-container .tab', { hasText: /\.dwgroups\.json/ }).first().waitFor({ state: 'visible', timeout: 20_000 });
}

/**
 * Types `path` into code-server's file dialog (a quick input) and presses Enter. The palette turns into the dialog,
 * which then fills in what it proposes (`proposed`: a folder, or a file to save), now and then twice: a path typed
 * in between is replaced, so it is typed again until it stays.
 */
async function typeInFileDialog(wb: Workbench, path: string, proposed: RegExp): Promise<void> {
  const input = wb.quickInput.locator('input');
  const value = (): Promise<string> => input.inputValue().catch(() => '');
  await waitFor(`the file dialog proposing ${String(proposed)}`, async () => proposed.test(await value()), 30_000);
  await waitFor(`the file dialog keeping ${path}`, async () => {
    if ((await value()) !== path) await input.fill(path);
    await wb.page.waitForTimeout(300);
    return (await value()) === path;
  }, 15_000);
  await input.press('Enter');
}

/** Opens a groups file by its absolute path. */
export async function openFileByPath(wb: Workbench, path: string): Promise<void> {
  await wb.runCommand('File: Open File...');
  await typeInFileDialog(wb, path, /^\/.*\/$/);
  await waitForGroupsFileTab(wb);
}

/** Export User Groups to File… into `path`. */
export async function exportGroupsTo(wb: Workbench, path: string): Promise<void> {
  await wb.runCommand(commandTitle('dataworks.groups.export'));
  await typeInFileDialog(wb, path, /^\/.*\.dwgroups\.json$/);
}

/**
 * Clicks the Plan CodeLens (`title`, in the UI's language) at the top of the active groups file and waits for the
 * plan page's rows.
 */
export async function planFromCodeLens(wb: Workbench, title = 'Plan'): Promise<FrameLocator> {
  const lens = wb.page.locator('.contentWidgets .codelens-decoration a', { hasText: new RegExp(`^${title}$`) });
  await lens.first().waitFor({ state: 'visible', timeout: 30_000 });
  await lens.first().click();
  return wb.waitForWebview('#plan-rows', 60_000);
}
