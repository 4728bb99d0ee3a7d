// Recent Operations in a real VS Code against the emulator: writes recorded by the service decorator whatever
// calls them, faults turning into a failed row and an unknown outcome, Verify settling the unknown one, Retry
// reopening the form with the failed values (never resending), Show Request and Copy Request ID, and a write left
// running by an earlier session read as unknown.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { OperationEntry } from '../../src/services/operations';
import { nodeStoreFs, OPERATIONS_FILE, OperationStore } from '../../src/services/operationStore';
import * as codec from '../../src/shared/operationCodec';
import type { OperationNode } from '../../src/tree/operationsView';
import type { DataWorksTestApi } from './explorerApi';
import { explorerApi } from './explorerApi';
import { emulator, emulatorAdmin, waitFor } from './helpers';

const REGION = 'cn-shanghai';
// Ops Monitor: no other test of this suite (one emulator for all files) counts its business processes.
const PROJECT = 10004;
const unique = (p: string): string => `${p}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

describe('Recent Operations against the emulator', function () {
  let api: DataWorksTestApi;
  let apiGroup: string;

  const rows = async (): Promise<OperationNode[]> => (await api.operationsTree.getChildren()) ?? [];
  const rowFor = async (name: string): Promise<OperationNode> => {
    const row = (await rows()).find((r) => r.kind === 'operation' && r.entry.input.action === 'createBusinessProcess' && r.entry.input.name === name);
    if (!row) throw new Error(`no row for ${name}`);
    return row;
  };
  const item = async (node: OperationNode): Promise<vscode.TreeItem> => api.operationsTree.getTreeItem(node);
  const create = async (name: string, deadlineMs = 5000): Promise<unknown> => {
    const service = await api.services.getService('Environment', REGION);
    return service.createBusinessProcess({ projectId: PROJECT, apiGatewayGroupId: apiGroup, name, description: 'from the operations test' }, { deadlineMs });
  };

  before(async function () {
    if (!emulator.url) this.skip();
    api = await explorerApi();
    await emulatorAdmin('DELETE', '/__admin/faults');
    const service = await api.services.getService('Environment', REGION);
    apiGroup = (await service.listApiGatewayGroups({ pageNumber: 1, pageSize: 10 })).items[0]?.id ?? '';
    assert.ok(apiGroup);
  });
  afterEach(async () => {
    await emulatorAdmin('DELETE', '/__admin/faults');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('records a write refused by the server as failed, with its error and request ID, and no secret in the file', async () => {
    const name = unique('ops_failed');
    await emulatorAdmin('POST', '/__admin/faults', { serverErrorRate: 1, actions: ['CreateDataServiceGroup'] });
    await assert.rejects(create(name));
    const row = await rowFor(name);
    assert.equal(row.kind === 'operation' && row.entry.status, 'failed');
    const it = await item(row);
    assert.match(String(it.contextValue), /^dataworks\.operation\.failed/);
    assert.match(String(it.description), /^Failed · .* · Environment · cn-shanghai$/);
    const details = (await api.operationsTree.getChildren(row)) ?? [];
    const error = details.find((d) => d.kind === 'detail' && d.key === 'error');
    assert.ok(error && error.kind === 'detail' && /InternalError/.test(error.label), JSON.stringify(details.map((d) => d.kind === 'detail' && d.label)));

    const text = readFileSync(join(api.globalStorage.fsPath, OPERATIONS_FILE), 'utf8');
    for (const secret of [process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, process.env.ALIBABA_CLOUD_ACCESS_KEY_ID]) {
      if (secret) assert.ok(!text.includes(secret), 'a credential in the Recent Operations file');
    }
  });

  it('copies the request ID and shows the exact request with its aliyun command in a read-only document', async () => {
    const row = (await rows()).find((r) => r.kind === 'operation' && r.entry.requestId);
    assert.ok(row && row.kind === 'operation');
    await vscode.commands.executeCommand('dataworks.copyRequestId', row);
    assert.equal(await vscode.env.clipboard.readText(), row.entry.requestId);
    await vscode.commands.executeCommand('dataworks.showOperationRequest', row);
    const doc = await waitFor('the request document', () => vscode.window.activeTextEditor?.document.uri.scheme === 'dataworks-operation' ? vscode.window.activeTextEditor.document : undefined);
    assert.ok(doc);
    const shown = JSON.parse(doc.getText()) as { action: string; body: Record<string, string>; aliyunCli: string };
    assert.equal(shown.action, 'CreateDataServiceGroup');
    assert.equal(shown.body['GroupName'], row.entry.input.action === 'createBusinessProcess' ? row.entry.input.name : '');
    assert.match(shown.aliyunCli, /^aliyun dataworks-public CreateDataServiceGroup --ProjectId 10004 /);
  });

  it('reopens a failed create in the form with its values for review, sending nothing', async () => {
    const failed = (await rows()).find((r) => r.kind === 'operation' && r.entry.status === 'failed');
    assert.ok(failed && failed.kind === 'operation' && failed.entry.input.action === 'createBusinessProcess');
    const before = (await emulatorAdmin('GET', '/__admin/counts')) as Record<string, number>;
    await vscode.commands.executeCommand('dataworks.retryOperation', failed);
    await waitFor('the Create Business Process form', () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('dataworks.form.businessProcess'))));
    const key = `dataworks.forms/businessProcess/Environment/${REGION}/project-${PROJECT}/draft`;
    assert.deepEqual(api.formContext().workspaceState.get(key), {
      projectId: String(PROJECT), apiGatewayGroupId: apiGroup, name: failed.entry.input.name, description: 'from the operations test',
    });
    const after = (await emulatorAdmin('GET', '/__admin/counts')) as Record<string, number>;
    assert.equal(after['CreateDataServiceGroup'] ?? 0, before['CreateDataServiceGroup'] ?? 0, 'Retry sent a create');
  });

  it('records an answer lost in flight as an unknown outcome, and Verify finds that it was carried out', async () => {
    const name = unique('ops_unknown');
    // The create is applied after 1.5 s; the caller gives up after 0.5 s and the lookup finds nothing yet.
    await emulatorAdmin('POST', '/__admin/faults', { latencyMs: 1500, actions: ['CreateDataServiceGroup'] });
    await assert.rejects(create(name, 500));
    const row = await rowFor(name);
    assert.equal(row.kind === 'operation' && row.entry.status, 'unknown');
    assert.match(String((await item(row)).contextValue), /^dataworks\.operation\.unknown/);
    await new Promise((r) => setTimeout(r, 1500));
    await emulatorAdmin('DELETE', '/__admin/faults');
    await vscode.commands.executeCommand('dataworks.verifyOperation', row);
    const verified = await waitFor('the row to be verified', async () => {
      const r = await rowFor(name);
      return r.kind === 'operation' && r.entry.status !== 'unknown' ? r.entry : undefined;
    });
    assert.ok(verified);
    assert.equal(verified.status, 'succeeded');
    assert.match(verified.createdId ?? '', /^ds_/);
    assert.deepEqual(verified.verified?.found, 'all');
  });

  it('shows a write another session left running (a reload mid-request) as an unknown outcome with Verify', async () => {
    const earlier = new OperationStore({ fs: nodeStoreFs, codec: () => Promise.resolve(codec), dir: api.globalStorage.fsPath, session: 'an-earlier-session', log: () => undefined });
    const name = unique('ops_interrupted');
    const input = { projectId: PROJECT, apiGatewayGroupId: apiGroup, name, description: '' };
    const entry: OperationEntry = {
      id: `interrupted-${name}`, session: 'an-earlier-session', startedAt: Date.now(), updatedAt: Date.now(), profile: 'Environment', region: REGION,
      input: { action: 'createBusinessProcess', ...input },
      request: { product: 'dataworks-public', version: '2020-05-18', action: 'CreateDataServiceGroup', method: 'POST', region: REGION, query: [], body: [['GroupName', name]] },
      status: 'running',
    };
    await earlier.upsert(entry);
    await vscode.commands.executeCommand('dataworks.refreshOperations');
    const row = await rowFor(name);
    assert.ok(row.kind === 'operation');
    assert.deepEqual([row.entry.status, row.entry.interrupted], ['unknown', true]);
    // Nothing was created: Verify says so.
    await vscode.commands.executeCommand('dataworks.verifyOperation', row);
    const after = await waitFor('the row to be verified', async () => {
      const r = await rowFor(name);
      return r.kind === 'operation' && r.entry.verified ? r.entry : undefined;
    });
    assert.ok(after);
    assert.equal(after.status, 'failed');
  });
});
