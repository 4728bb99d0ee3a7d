// A language model tool's confirmation in the real workbench. There is no chat model here, so the tool is called as a
// chat would call it, through vscode.lm.invokeTool, from a command the extension registers only with the test wiring
// (DATAWORKS_TEST_EMULATOR_URL; src/extension.ts). It is not in package.json, so it is not in the palette: a key is
// bound to it in this run's keybindings.json. What the user sees and answers is VS Code's own confirmation.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LM_TOOL_TEST_COMMAND } from '../../src/constants';
import type { Workbench } from './driver';
import { e2eEnv, emulatorAdmin, openWorkbench } from './driver';

const KEY = 'ctrl+alt+shift+f9';
const PROPOSAL = { workspaceId: 10002, name: 'ui_proposal_close', description: 'Proposed in the UI test' };

describe('Language model tools (UI)', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async function () {
    this.timeout(120_000);
    const user = join(e2eEnv.runDir, 'user-data', 'User');
    mkdirSync(user, { recursive: true });
    writeFileSync(join(user, 'keybindings.json'), JSON.stringify([
      { key: KEY, command: LM_TOOL_TEST_COMMAND, args: { name: 'dataworks_proposeBusinessProcess', input: PROPOSAL } },
    ]));
    wb = await openWorkbench();
    await wb.openViewContainer('DataWorks');
    await wb.treeItem(/^Workspaces/).waitFor({ state: 'visible', timeout: 30_000 });
  });
  after(async () => wb?.close());

  it('asks before opening a proposal, with exactly what would open; Cancel opens nothing and sends nothing', async () => {
    const before = (await emulatorAdmin('GET', '/__admin/counts')) as Record<string, number>;
    await wb.page.locator('.part.sidebar').click();
    await wb.page.keyboard.press('Control+Alt+Shift+F9');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await dialog.innerText();
    assert.match(text, /Open the Create Business Process form\?/);
    assert.match(text, /Profile Environment, region cn-shanghai, workspace 10002\. Name: "ui_proposal_close"\. Description: "Proposed in the UI test"\./);
    assert.match(text, /Nothing is sent to DataWorks until you review and submit it\./);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

    await wb.waitForNotification(/Test hook: the tool did not run/);
    await new Promise((r) => setTimeout(r, 1000));
    assert.ok(!(await wb.editorTabs()).some((t) => /Business Process/.test(t)), 'a form opened after Cancel');
    const after = (await emulatorAdmin('GET', '/__admin/counts')) as Record<string, number>;
    assert.equal(after['CreateDataServiceGroup'] ?? 0, before['CreateDataServiceGroup'] ?? 0);
  });
});
