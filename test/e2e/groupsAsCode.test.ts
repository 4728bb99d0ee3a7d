// User groups as code, through the UI: export the region's groups to a file, add a group to the file with an owner
// the tenant does not have, see the diagnostic, fix it with its quick fix, plan it, see the plan's row, apply, and
// find the group on the (emulated) server.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import type { Workbench } from './driver';
import { e2eEnv, emulatorAdmin, openWorkbench, waitFor } from './driver';
import { exportGroupsTo, planFromCodeLens, waitForGroupsFileTab } from './groupsSteps';

interface EmuUserGroup { id: number; name: string; owner: string; type: number; accounts: string[] }

async function userGroupsNamed(name: string): Promise<EmuUserGroup[]> {
  const state = (await emulatorAdmin('GET', '/__admin/state')) as { userGroups: EmuUserGroup[] };
  return state.userGroups.filter((g) => g.name === name);
}

describe('user groups as code (UI)', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async function () {
    this.timeout(120_000);
    wb = await openWorkbench();
    await wb.openViewContainer('DataWorks');
    await wb.treeItem(/^Workspaces/).waitFor({ state: 'visible', timeout: 30_000 });
  });
  after(async () => wb?.close());

  it('exports, shows a diagnostic for an edit and fixes it, plans the added group, applies it, and the server has the group', async () => {
    const file = join(e2eEnv.workspace, `e2e-${Date.now().toString(36)}.dwgroups.json`);
    await exportGroupsTo(wb, file);
    await waitFor('the exported file', () => existsSync(file) && readFileSync(file, 'utf8').includes('"groups"'), 30_000);
    const exported = readFileSync(file, 'utf8');
    assert.match(exported, /"region": "cn-shanghai"/);

    // Add a group whose owner is misspelt, then reload the editor from disk.
    const name = `gac_${Date.now().toString(36)}`;
    // A group whose type or project the server did not say is exported with a comment asking for it (and the file
    // is invalid until it is set): those are left out here, which without prune changes nothing on the server.
    type FileGroup = { name: string; owner: string; type?: number; projectName?: string; accounts: string[] };
    const data = parse(exported) as { region: string; groups: FileGroup[] };
    data.groups = data.groups.filter((g) => g.type !== undefined && (g.type !== 3 || g.projectName !== undefined));
    data.groups.unshift({ name, owner: 'alcie', type: 1, accounts: ['user:bob'] });
    writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
    await waitForGroupsFileTab(wb);
    await wb.runCommand('File: Revert File');
    // Owners are checked against the tenant on open and on save only (never a request per keystroke), and the
    // exported file, invalid until its projects are set, was not checked then: save it (an explicit save writes
    // even an unmodified file).
    await wb.runCommand('File: Save');

    // The diagnostic, in the Problems panel and as a squiggle in the editor.
    const problem = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'alcie is not an account of this tenant.' });
    const squiggles = wb.page.locator('.part.editor .monaco-editor .squiggly-warning');
    await wb.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await problem.first().waitFor({ state: 'visible', timeout: 30_000 });
    await waitFor('the warning squiggle in the editor', async () => (await squiggles.count()) > 0, 10_000);

    // Its quick fix: open the problem in the editor (the cursor lands on it), then Quick Fix.
    await problem.first().dblclick();
    await wb.page.locator('.part.editor .monaco-editor.focused').waitFor({ state: 'visible', timeout: 10_000 });
    await wb.page.keyboard.press('Control+.');
    const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Change to alice' });
    await fix.first().waitFor({ state: 'visible', timeout: 10_000 });
    await fix.first().click();
    await problem.first().waitFor({ state: 'hidden', timeout: 20_000 });
    await waitFor('no warning squiggle in the editor', async () => (await squiggles.count()) === 0, 10_000);
    await wb.runCommand('File: Save');
    await waitFor('the fixed owner on disk', () => (parse(readFileSync(file, 'utf8')) as { groups: FileGroup[] }).groups.find((g) => g.name === name)?.owner === 'alice', 10_000);

    // Plan from the CodeLens at the top of the file.
    const plan = await planFromCodeLens(wb);
    const row = plan.locator('tr.plan-row', { hasText: name });
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await row.getAttribute('data-action'), 'create');
    assert.match(await plan.locator('[data-count="create"]').innerText(), /1/);
    assert.match(await plan.locator('.plan-cli').first().innerText(), /^aliyun dataworks-public DsgUserGroupAddOrUpdate/);
    assert.equal(await plan.locator('tr.plan-row[data-action="delete"]').count(), 0, 'no prune: nothing deleted');

    // Apply from the review.
    assert.equal(await userGroupsNamed(name).then((g) => g.length), 0);
    await plan.locator('#plan-apply').click();
    await wb.waitForNotification(/Applied/, 60_000);
    await waitFor('the applied phase on the page', async () => /Applied/.test(await plan.locator('#plan-apply-phase').innerText().catch(() => '')), 20_000);
    const groups = await userGroupsNamed(name);
    assert.equal(groups.length, 1);
    assert.equal(groups[0]?.owner, 'alice');
    assert.deepEqual(groups[0]?.accounts, ['user:bob']);
  });
});
