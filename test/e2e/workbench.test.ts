// First UI tests: the extension is installed from the VSIX, its activity-bar container opens, and the command
// palette lists its commands with resolved titles. They read package.json, so they stay right as it grows.
import * as assert from 'node:assert/strict';
import type { Workbench } from './driver';
import { commandTitle, localise, manifest, openWorkbench } from './driver';

const container = manifest.contributes?.viewsContainers?.activitybar?.[0];

describe('workbench with the DataWorks extension (UI)', () => {
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  it('loads the workbench', async () => {
    assert.match(await wb.page.title(), /code-server|Visual Studio Code/);
  });

  it('opens the DataWorks view from the activity bar', async function () {
    if (!container) this.skip(); // package.json contributes no view container yet
    await wb.openViewContainer(localise(container.title));
    for (const view of manifest.contributes?.views?.[container.id] ?? []) {
      await wb.viewPane(localise(view.name)).first().waitFor({ state: 'visible', timeout: 20_000 });
    }
    await wb.screenshot('e2e-dataworks-view');
  });

  it('lists the DataWorks commands in the command palette, with resolved titles', async function () {
    // Commands with a commandPalette "when" clause may be hidden on purpose; check the unconditional ones.
    const conditional = new Set((manifest.contributes?.menus?.commandPalette ?? []).map((m) => m.command));
    const commands = (manifest.contributes?.commands ?? []).filter((c) => !conditional.has(c.command));
    if (commands.length === 0) this.skip();
    const input = await wb.openCommandPalette();
    const missing: string[] = [];
    for (const c of commands) {
      const title = commandTitle(c.command);
      assert.doesNotMatch(title, /%[\w.]+%/, `${c.command} has an unresolved title: ${title}`);
      await input.fill(`>${title}`);
      const found = await wb
        .quickInputRow(title)
        .first()
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(
          () => true,
          () => false,
        );
      if (!found) missing.push(title);
    }
    await wb.page.keyboard.press('Escape');
    assert.deepEqual(missing, [], `not in the command palette: ${missing.join(', ')}`);
  });
});
