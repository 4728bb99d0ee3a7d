// Data Service APIs under their business processes, in a real VS Code against the emulator (demo seed).
// The file name sorts after extension.test.ts on purpose: that file checks what happens before the first activation.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DataWorksTestApi, TreeNode } from './explorerApi';
import { children, emulatorCounts, explorerApi, find, labels } from './explorerApi';
import { emulator, emulatorAdmin, openDataWorksView } from './helpers';
import type { EmulatorData } from '../emulator';

describe('Data Service APIs in the explorer', function () {
  let api: DataWorksTestApi;
  let sales: TreeNode;

  before(async function () {
    if (!emulator.url) this.skip();
    api = await explorerApi();
    api.model.refresh();
    const region = (await children(api))[0] as TreeNode;
    const workspaces = find(await children(api, region), 'Workspaces');
    sales = find(await children(api, workspaces), 'Sales DW');
  });

  it('loads no API on a workspace expansion, then one call for all its business processes', async () => {
    const before = await emulatorCounts();
    const processes = await children(api, sales);
    assert.equal((await emulatorCounts()).ListDataServiceApis ?? 0, before.ListDataServiceApis ?? 0);
    const reports = find(processes, 'sales_reports');
    assert.equal(reports.view().contextValue, 'dataworks.businessProcess');
    const apis = await children(api, reports);
    assert.deepEqual(apis.map((n) => [n.view().label, n.view().description, n.view().contextValue]), [
      ['daily_sales_summary', '/sales/daily/summary · Published', 'dataworks.dataServiceApi'],
      ['top_products', '/sales/daily/top-products · Published', 'dataworks.dataServiceApi'],
      ['store_ranking_draft', '/sales/daily/store-ranking · Not published', 'dataworks.dataServiceApi'],
    ]);
    assert.deepEqual(labels(await children(api, find(processes, 'sales_realtime'))), ['orders_last_hour', 'order_stream_probe']);
    const after = await emulatorCounts();
    assert.equal(after.ListDataServiceApis, (before.ListDataServiceApis ?? 0) + 1);
    const item = await api.tree.getTreeItem(apis[0] as TreeNode);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.None);
  });

  it('copies an API\'s name, path, ID and JSON', async () => {
    const reports = find(await children(api, sales), 'sales_reports');
    const summary = find(await children(api, reports), 'daily_sales_summary');
    await vscode.commands.executeCommand('dataworks.copyName', summary);
    assert.equal(await vscode.env.clipboard.readText(), 'daily_sales_summary');
    await vscode.commands.executeCommand('dataworks.copyPath', summary);
    assert.equal(await vscode.env.clipboard.readText(), '/sales/daily/summary');
    await vscode.commands.executeCommand('dataworks.copyId', summary);
    assert.equal(await vscode.env.clipboard.readText(), '30001');
    await vscode.commands.executeCommand('dataworks.copyAsJson', summary);
    const json = JSON.parse(await vscode.env.clipboard.readText()) as { published: boolean; region: string; groupId: string };
    const group = reports.resource;
    assert.ok(group?.kind === 'businessProcess');
    assert.deepEqual([json.published, json.region, json.groupId], [true, 'cn-shanghai', group.data.id]);
    // Copy Path on a node without a path leaves the clipboard alone.
    await vscode.commands.executeCommand('dataworks.copyPath', reports);
    assert.match(await vscode.env.clipboard.readText(), /"published": true/);
  });

  it('reveals a business process (after a create) without loading its workspace\'s APIs', async () => {
    await openDataWorksView();
    const finance = find(await children(api, find(await children(api, (await children(api))[0]), 'Workspaces')), 'Finance DW');
    const ledger = find(await children(api, finance), 'finance_ledger');
    const group = ledger.resource;
    assert.ok(group?.kind === 'businessProcess');
    api.model.refresh(ledger);
    const before = await emulatorCounts();
    await api.formContext().revealInTree({ kind: 'businessProcess', region: 'cn-shanghai', projectId: 10002, groupId: group.data.id });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await emulatorCounts()).ListDataServiceApis ?? 0, before.ListDataServiceApis ?? 0);
  });

  it('says so under a business process without APIs', async () => {
    // A business process with no API, added to Ops Monitor (whose processes no other test of this run counts).
    const state = await emulatorAdmin('GET', '/__admin/state') as EmulatorData;
    const shanghai = state.regions['cn-shanghai'];
    assert.ok(shanghai);
    const name = `no_apis_${Date.now()}`;
    shanghai.businessProcesses.push({
      groupId: `ds_${Date.now().toString(16)}`, groupName: name, description: '', apiGatewayGroupId: shanghai.apiGatewayGroups[0]?.groupId ?? '',
      projectId: 10004, creatorId: '', createdAt: '2025-03-03T00:00:00Z', modifiedAt: '2025-03-03T00:00:00Z',
    });
    await emulatorAdmin('POST', '/__admin/state', state);
    const region = (await children(api))[0] as TreeNode;
    const ops = find(await children(api, find(await children(api, region), 'Workspaces')), 'Ops Monitor');
    api.model.refresh(ops);
    const empty = find(await children(api, ops), name);
    assert.deepEqual(labels(await children(api, empty)), ['No Data Service APIs']);
  });
});
