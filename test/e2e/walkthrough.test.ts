// The getting-started walkthrough in a real workbench: it is listed under "Welcome: Open Walkthrough...", shows its
// four steps with their pictures, and ticks a step when the user does it (here: the Environment profile the run
// provides, opening the explorer, and the Switch Region button of the region step).
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { Workbench } from './driver';
import { localise, manifest, openWorkbench, waitFor } from './driver';

interface WalkthroughManifest {
  contributes?: { walkthroughs?: { id: string; title: string; steps: { id: string; title: string }[] }[]; viewsContainers?: { activitybar?: { title: string }[] } };
}
const walkthrough = (manifest as WalkthroughManifest).contributes?.walkthroughs?.[0];

describe('getting-started walkthrough (UI)', () => {
  let wb: Workbench;
  const step = (id: string): Locator => wb.page.locator(`button.getting-started-step[data-step-id$="#${id}"]`);
  const checked = async (id: string): Promise<boolean> => (await step(id).getAttribute('aria-checked')) === 'true';

  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  it('opens from "Welcome: Open Walkthrough..." and shows its four steps, each ticked when done', async function () {
    this.timeout(120_000);
    assert.ok(walkthrough, 'package.json contributes a walkthrough');
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.pick(localise(walkthrough.title));

    const titles = wb.page.locator('button.getting-started-step h3.step-title');
    await titles.first().waitFor({ state: 'visible', timeout: 20_000 });
    assert.deepEqual(
      (await titles.allInnerTexts()).map((t) => t.trim()),
      walkthrough.steps.map((s) => localise(s.title)),
    );
    // The selected step's picture is drawn with the theme's colours (the SVG's var(--vscode-…) resolve).
    const picture = wb.webview().locator('svg rect').first();
    await picture.waitFor({ state: 'visible', timeout: 20_000 });
    const colours = await picture.evaluate((frame) => {
      const theme = getComputedStyle(document.documentElement).getPropertyValue('--vscode-editorWidget-background').trim();
      const probe = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      probe.setAttribute('fill', theme);
      frame.parentNode?.appendChild(probe);
      const expected = getComputedStyle(probe).fill;
      probe.remove();
      return { theme, expected, fill: getComputedStyle(frame).fill };
    });
    assert.ok(colours.theme, 'the webview has the theme variables');
    assert.equal(colours.fill, colours.expected, "the picture's frame has the theme's widget background, not the fallback");
    await wb.screenshot('e2e-walkthrough');

    // Nothing has been done in this fresh window: no step is ticked.
    for (const s of walkthrough.steps) assert.equal(await checked(s.id), false, s.id);

    // The run provides the Environment profile: opening the explorer activates the extension, which says there is
    // a profile (dataworks.hasProfile), and the explorer was seen.
    await wb.openViewContainer(localise(manifest.contributes?.viewsContainers?.activitybar?.[0]?.title ?? 'DataWorks'));
    await waitFor('the profile and explore steps to be ticked', async () => (await checked('addProfile')) && (await checked('explore')), 30_000);
    assert.equal(await checked('pickRegion'), false);
    assert.equal(await checked('create'), false);

    // The region step's button runs Switch Region; running it ticks the step, even when the pick is cancelled.
    await step('pickRegion').click();
    await step('pickRegion').locator('.button-container .monaco-button', { hasText: 'Switch Region' }).click();
    await wb.quickInput.waitFor({ state: 'visible', timeout: 10_000 });
    await wb.page.keyboard.press('Escape');
    await waitFor('the region step to be ticked', () => checked('pickRegion'), 20_000);
    assert.equal(await checked('create'), false);
  });
});
