// The explorer tree in a real VS Code against the emulator (demo seed), with the Environment profile that
// the harness sets up from ALIBABA_CLOUD_* variables and the dataworks.endpointOverride user setting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DataWorksTestApi, TreeNode } from './explorerApi';
import { children, emulatorCounts, explorerApi, find, labels } from './explorerApi';
import { emulator, openDataWorksView, waitFor } from './helpers';

const REGION = 'cn-shanghai';

describe('DataWorks explorer against the emulator', function () {
  let api: DataWorksTestApi;
  let region: TreeNode;

  before(async function () {
    if (!emulator.url) this.skip();
    api = await explorerApi();
    api.model.refresh();
  });

  it('uses the Environment profile and shows its region with Workspaces and User Groups', async () => {
    assert.equal(api.profiles.active()?.name, 'Environment');
    const roots = await children(api);
    assert.equal(roots.length, 1);
    region = roots[0] as TreeNode;
    assert.equal(region.view().description, REGION);
    assert.deepEqual(labels(await children(api, region)), ['Workspaces', 'User Groups']);
  });

  it('lists the workspaces and expands one to its business processes', async () => {
    const workspaces = find(await children(api, region), 'Workspaces');
    const items = await children(api, workspaces);
    assert.deepEqual(items.map((w) => w.view().description?.split(' ')[0]), ['sales_dw', 'finance_dw', 'marketing_lab', 'ops_monitor']);
    const sales = find(items, 'Sales DW');
    assert.equal(sales.view().contextValue, 'dataworks.workspace');
    assert.match(sales.view().tooltip ?? '', /sales_dw/);
    assert.deepEqual(labels(await children(api, sales)).sort(), ['sales_realtime', 'sales_reports']);
  });

  it('expands User Groups to the seeded groups and a group to its accounts', async () => {
    const folder = find(await children(api, region), 'User Groups');
    const groups = await children(api, folder);
    assert.equal(groups.length, 17);
    const sales = find(groups, 'sales_analysts');
    assert.equal(sales.view().contextValue, 'dataworks.userGroup');
    assert.deepEqual(labels(await children(api, sales)), ['user:alice', 'user:carol', 'user:dave']);
  });

  it('serves a reopened view from the cache without calling DataWorks', async () => {
    const before = await emulatorCounts();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await openDataWorksView();
    api.model.reset();
    const roots = await children(api);
    const folders = await children(api, roots[0]);
    for (const f of folders) await children(api, f);
    await new Promise((r) => setTimeout(r, 500));
    const after = await emulatorCounts();
    assert.equal(after.__total, before.__total, `calls were made: ${JSON.stringify(after)}`);
  });

  it('gives a reopened user group form the tenant users without a second call, and reloads them when asked', async () => {
    const calls = async (): Promise<number> => (await emulatorCounts()).DsgUserGroupQueryUserList ?? 0;
    const before = await calls();
    const first = await api.formContext().tenantUsers(REGION, true);
    assert.ok(first.length > 0);
    assert.equal(await calls(), before + 1);
    // A second form, as a reopened one gets it: served from the explorer's read cache.
    assert.deepEqual(await api.formContext().tenantUsers(REGION, false), first);
    assert.equal(await calls(), before + 1);
    await api.formContext().tenantUsers(REGION, true);
    assert.equal(await calls(), before + 2);
  });

  it('makes one call for two expansions of the same node while the load is in flight', async () => {
    const folder = find(await children(api, (await children(api))[0]), 'User Groups');
    await vscode.commands.executeCommand('dataworks.refresh', folder);
    const before = (await emulatorCounts()).DsgUserGroupQueryList ?? 0;
    const [a, b] = await Promise.all([children(api, folder), children(api, folder)]);
    assert.equal(a.length, 17);
    assert.equal(b.length, 17);
    assert.equal((await emulatorCounts()).DsgUserGroupQueryList ?? 0, before + 1);
  });

  it('pages past 100 user groups with a Load more node', async function () {
    this.timeout(60_000);
    const service = await api.services.getService('Environment', REGION);
    const names = Array.from({ length: 110 }, (_, i) => `it_page_${String(i).padStart(3, '0')}`);
    for (let i = 0; i < names.length; i += 20) {
      await service.saveUserGroups(names.slice(i, i + 20).map((name) => ({ name, owner: 'acme_data', type: 1 as const, accounts: ['user:alice'] })));
    }
    try {
      api.model.userGroupsChanged(REGION);
      const folder = find(await children(api, (await children(api))[0]), 'User Groups');
      let groups = await children(api, folder);
      assert.equal(groups.length, 101);
      const more = groups[100] as TreeNode;
      assert.equal(more.view().contextValue, 'dataworks.loadMore');
      assert.equal(more.view().description, '100 of 127');
      const before = (await emulatorCounts()).DsgUserGroupQueryList ?? 0;
      await Promise.all([vscode.commands.executeCommand('dataworks.loadMore', more), vscode.commands.executeCommand('dataworks.loadMore', more)]);
      assert.equal((await emulatorCounts()).DsgUserGroupQueryList ?? 0, before + 1, 'a double click loaded twice');
      groups = await children(api, folder);
      assert.equal(groups.length, 127);
      assert.ok(groups.every((g) => g.view().contextValue === 'dataworks.userGroup'));
    } finally {
      const page = await service.listUserGroups({ pageNumber: 1, pageSize: 100, name: 'it_page_' });
      const ids = page.items.map((g) => g.id);
      const rest = await service.listUserGroups({ pageNumber: 2, pageSize: 100, name: 'it_page_' });
      ids.push(...rest.items.map((g) => g.id));
      for (let i = 0; i < ids.length; i += 50) await service.deleteUserGroups(ids.slice(i, i + 50));
      api.model.userGroupsChanged(REGION);
    }
  });

  it('reloads only the user groups after a change made by the extension', async () => {
    const roots = await children(api);
    const folders = await children(api, roots[0]);
    for (const f of folders) await children(api, f);
    const before = await emulatorCounts();
    api.model.userGroupsChanged(REGION);
    await children(api, find(folders, 'User Groups'));
    await children(api, find(folders, 'Workspaces'));
    const after = await emulatorCounts();
    assert.equal(after.DsgUserGroupQueryList, (before.DsgUserGroupQueryList ?? 0) + 1);
    assert.equal(after.ListProjects, before.ListProjects);
  });

  it('copies a resource\'s ID, name and JSON', async () => {
    const workspaces = find(await children(api, (await children(api))[0]), 'Workspaces');
    const sales = find(await children(api, workspaces), 'Sales DW');
    await vscode.commands.executeCommand('dataworks.copyId', sales);
    assert.equal(await vscode.env.clipboard.readText(), '10001');
    await vscode.commands.executeCommand('dataworks.copyName', sales);
    assert.equal(await vscode.env.clipboard.readText(), 'sales_dw');
    await vscode.commands.executeCommand('dataworks.copyAsJson', sales);
    const json = JSON.parse(await vscode.env.clipboard.readText()) as { id: number; region: string };
    assert.deepEqual([json.id, json.region], [10001, REGION]);
  });

  it('runs the palette commands of the view without errors', async () => {
    await vscode.commands.executeCommand('dataworks.refresh');
    await waitFor('the tree to load again', async () => (await children(api)).length === 1);
    await vscode.commands.executeCommand('dataworks.showLogs');
  });
});
