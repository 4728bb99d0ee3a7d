// Find User Groups of an Account in a real VS Code against the emulator (demo seed, test/emulator/seeds.ts): the
// groups found for a seeded account, and picking the first result selects its node in the explorer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DataWorksTestApi, TreeNode } from './explorerApi';
import { children, explorerApi, find } from './explorerApi';
import { emulator, openDataWorksView, waitFor } from './helpers';

const COMMAND = 'dataworks.findUserGroupsOfAccount';
// From the demo seed: user:alice is listed by yun_group (1001) and sales_analysts (1002); the ETL role by
// etl_roles (1007), all_service_roles (1009) and scheduler_roles (1010).
const ALICE = [1001, 1002];
const ETL_ROLE = [1007, 1009, 1010];

/** The IDs the last search found, from its log line. */
function foundIds(api: DataWorksTestApi): number[] | undefined {
  const line = [...api.recentLog()].reverse().find((l) => l.includes('[findUserGroupsOfAccount]'));
  const ids = line?.split('groups:')[1]?.trim();
  return ids === undefined ? undefined : ids ? ids.split(', ').map(Number) : [];
}

/** Runs the command and accepts the first row of the results quick pick once it is shown. */
async function runAndPickFirst(arg: unknown): Promise<void> {
  let done = false;
  const run = Promise.resolve(vscode.commands.executeCommand(COMMAND, arg)).finally(() => (done = true));
  await waitFor('the results quick pick to be accepted', async () => {
    if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return done;
  }, 20_000);
  await run;
}

function selectedGroupId(api: DataWorksTestApi): number | undefined {
  const r = api.explorerSelection()[0]?.resource;
  return r?.kind === 'userGroup' ? r.data.id : undefined;
}

describe('Find User Groups of an Account (emulator)', function () {
  this.timeout(60_000);
  let api: DataWorksTestApi;

  before(async function () {
    if (!emulator.url) this.skip();
    api = await explorerApi();
    await openDataWorksView();
    api.model.refresh();
  });

  it('finds the demo account\'s groups and reveals the first one picked, selected in the explorer', async () => {
    await runAndPickFirst('user:alice');
    const ids = foundIds(api);
    assert.deepEqual([...(ids ?? [])].sort(), ALICE);
    await waitFor('the picked group to be selected', () => selectedGroupId(api) === ids?.[0], 10_000);
  });

  it('searches from an account under a group (its context menu) with the same rule', async () => {
    const region = (await children(api))[0] as TreeNode;
    const folder = find(await children(api, region), 'User Groups');
    const group = find(await children(api, folder), 'all_service_roles');
    const account = find(await children(api, group), 'role:dataworks_etl_role');
    await runAndPickFirst(account);
    const ids = foundIds(api);
    assert.deepEqual([...(ids ?? [])].sort(), ETL_ROLE);
    await waitFor('the picked group to be selected', () => selectedGroupId(api) === ids?.[0], 10_000);
  });
});
