// The getting-started walkthrough in a real workbench: listed under "Welcome: Open Walkthrough..." only once the
// extension runs (so VS Code does not open it on install), it shows its four steps with their pictures, and ticks a
// step when the user does it (here: the Environment profile the run provides, opening the explorer, and the Switch
// Region button of the region step).
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

  it('is listed once the extension runs (not at install), opens with its four steps, and ticks each when done', async function () {
    this.timeout(120_000);
    assert.ok(walkthrough, 'package.json contributes a walkthrough');
    const title = localise(walkthrough.title);
    // Before activation its "when" is false: this is the state VS Code checks when it would open a newly installed
    // extension's walkthrough on its own.
    await wb.runCommand('Welcome: Open Walkthrough...');
    const before = await wb.quickInputRows();
    assert.ok(before.length > 0 && !before.some((r) => r.includes(title)), `listed before activation: ${before.join(' | ')}`);
    await wb.page.keyboard.press('Escape');

    // Opening the explorer activates the extension. The run provides the Environment profile, so the extension says
    // there is a profile (dataworks.hasProfile), and the explorer has been seen.
    await wb.openViewContainer(localise(manifest.contributes?.viewsContainers?.activitybar?.[0]?.title ?? 'DataWorks'));
    await wb.waitForTreeIdle();
    await waitFor('the walkthrough to be listed', async () => {
      await wb.runCommand('Welcome: Open Walkthrough...');
      const listed = (await wb.quickInputRows()).some((r) => r.includes(title));
      if (!listed) await wb.page.keyboard.press('Escape');
      return listed;
    }, 20_000);
    await wb.pick(title);

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
