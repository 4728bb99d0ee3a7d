// User groups as code, through the UI: export the region's groups to a file, add a group to the file, plan it,
// see the plan's row, apply, and find the group on the (emulated) server.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import type { Workbench } from './driver';
import { commandTitle, e2eEnv, emulatorAdmin, openWorkbench, waitFor } from './driver';

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

  it('exports, plans an added group, applies it, and the server has the group', async () => {
    const file = join(e2eEnv.workspace, `e2e-${Date.now().toString(36)}.dwgroups.json`);
    // Export: palette, then the save dialog (code-server's simple dialog is a quick input holding the path).
    await wb.runCommand(commandTitle('dataworks.groups.export'));
    await wb.typeInInput(file);
    await waitFor('the exported file', () => existsSync(file) && readFileSync(file, 'utf8').includes('"groups"'), 30_000);
    const exported = readFileSync(file, 'utf8');
    assert.match(exported, /"region": "cn-shanghai"/);

    // Add a group to the file, then reload the editor from disk.
    const name = `gac_${Date.now().toString(36)}`;
    // A group whose type or project the server did not say is exported with a comment asking for it (and the file
    // is invalid until it is set): those are left out here, which without prune changes nothing on the server.
    const data = parse(exported) as { region: string; groups: { name: string; owner: string; type?: number; projectName?: string; accounts: string[] }[] };
    data.groups = data.groups.filter((g) => g.type !== undefined && (g.type !== 3 || g.projectName !== undefined));
    data.groups.unshift({ name, owner: 'alice', type: 1, accounts: ['user:bob'] });
    const edited = `${JSON.stringify(data, null, 2)}\n`;
    writeFileSync(file, edited);
    await wb.page.locator('.tabs-container .tab', { hasText: /\.dwgroups\.json/ }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await wb.runCommand('File: Revert File');

    // Plan from the CodeLens at the top of the file.
    const lens = wb.page.locator('.contentWidgets .codelens-decoration a', { hasText: /^Plan$/ });
    await lens.first().waitFor({ state: 'visible', timeout: 30_000 });
    await lens.first().click();
    const plan = await wb.waitForWebview('#plan-rows', 60_000);
    const row = plan.locator('tr.plan-row', { hasText: name });
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await row.getAttribute('data-action'), 'create');
    assert.match(await plan.locator('[data-count="create"]').innerText(), /1/);
    assert.match(await plan.locator('.plan-cli').first().innerText(), /^aliyun dataworks-public DsgUserGroupAddOrUpdate/);
    assert.equal(await plan.locator('tr.plan-row[data-action="delete"]').count(), 0, 'no prune: nothing deleted');
    const shot = await wb.screenshot('plan-view');
    if (process.env.DATAWORKS_README_SHOTS) {
      mkdirSync(join('media', 'readme'), { recursive: true });
      copyFileSync(shot, join('media', 'readme', 'plan-view.png'));
    }

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
