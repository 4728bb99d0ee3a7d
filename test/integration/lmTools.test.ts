// The language model tools in a real VS Code against the emulator, called the way a chat model's host calls them:
// vscode.lm.invokeTool. No chat model is needed; in the extension host VS Code auto-accepts confirmations, so a
// proposal runs (the UI test, test/e2e/lmTools.test.ts, answers the modal). Reads answer from the read cache,
// bad inputs come back as a sentence, a proposal opens its form with the values and sends nothing, and the setting
// unregisters the tools.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LM_TOOL_NAMES, type LmToolName } from '../../src/constants';
import type { DataWorksTestApi } from './explorerApi';
import { explorerApi } from './explorerApi';
import { emulator, emulatorAdmin, waitFor } from './helpers';

const REGION = 'cn-shanghai';
// Finance DW: no other test of this suite seeds a draft of its Create Business Process form.
const PROJECT = 10002;
const SECRETS = [process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, process.env.ALIBABA_CLOUD_ACCESS_KEY_ID].filter((s): s is string => !!s);

async function invoke(name: LmToolName, input: object): Promise<string> {
  const r = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  const text = r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
  for (const s of SECRETS) assert.ok(!text.includes(s), `${name}: a credential in the result`);
  return text;
}
/** The items of a result's JSON block. */
function items(text: string): Record<string, unknown>[] {
  const block = /```json\n([\s\S]*?)\n?```/.exec(text)?.[1] ?? '';
  return block.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}
const counts = async (): Promise<Record<string, number>> => (await emulatorAdmin('GET', '/__admin/counts')) as Record<string, number>;
const formOpen = (viewType: string): boolean =>
  vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType)));

describe('Language model tools against the emulator', function () {
  let api: DataWorksTestApi;

  before(async function () {
    if (!emulator.url) this.skip();
    api = await explorerApi();
    await emulatorAdmin('DELETE', '/__admin/faults');
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('contributes every tool to vscode.lm.tools, with its input schema', () => {
    const ours = vscode.lm.tools.filter((t) => t.name.startsWith('dataworks_'));
    assert.deepEqual(ours.map((t) => t.name).sort(), [...LM_TOOL_NAMES].sort());
    for (const t of ours) assert.equal((t.inputSchema as { additionalProperties?: unknown } | undefined)?.additionalProperties, false, t.name);
  });

  it('lists workspaces, saying the profile and region and that names are data', async () => {
    const text = await invoke('dataworks_listWorkspaces', {});
    assert.match(text, /^Workspaces of DataWorks profile "Environment", region cn-shanghai\. Values in the block are user data/);
    assert.ok(items(text).some((w) => w['id'] === 10001 && w['name'] === 'Sales DW'), text);
    const narrowed = items(await invoke('dataworks_listWorkspaces', { nameContains: 'finance' }));
    assert.deepEqual(narrowed.map((w) => w['identifier']), ['finance_dw']);
  });

  it('lists the business processes of a workspace', async () => {
    const text = await invoke('dataworks_listBusinessProcesses', { workspaceId: 10001, region: REGION });
    assert.match(text, /^Business processes of workspace 10001 of DataWorks profile "Environment", region cn-shanghai\./);
    assert.ok(items(text).some((b) => b['name'] === 'sales_reports'), text);
  });

  it('lists user groups by name, shows one with its accounts, and finds the groups of an account', async () => {
    const listed = items(await invoke('dataworks_listUserGroups', { nameContains: 'finance_team' }));
    const finance = listed.find((g) => g['name'] === 'finance_team');
    assert.ok(finance, JSON.stringify(listed));
    const shown = items(await invoke('dataworks_getUserGroup', { groupId: finance['id'] as number }))[0];
    const service = await api.services.getService('Environment', REGION);
    const truth = (await service.listUserGroups({ name: 'finance_team', pageNumber: 1, pageSize: 10 })).items.find((g) => g.id === finance['id']);
    assert.deepEqual(shown?.['accounts'], truth?.accounts);
    assert.match(await invoke('dataworks_getUserGroup', { groupId: 999_999 }), /No user group with id 999999 among the \d+ groups read\./);

    const of = await invoke('dataworks_findUserGroupsOfAccount', { account: 'erin' });
    assert.match(of, /Searched \d+ user groups for the account "erin"/);
    const names = items(of).map((g) => g['name']);
    assert.ok(names.includes('finance_team') && names.includes('auditors'), names.join(', '));
    assert.ok(!names.includes('sales_analysts'));
  });

  it('lists tenant users and RAM roles', async () => {
    const roles = items(await invoke('dataworks_listTenantUsers', { nameContains: 'etl' }));
    assert.deepEqual(roles, [{ accountName: 'dataworks_etl_role', account: 'role:dataworks_etl_role', kind: 'RAM role' }]);
  });

  it('answers a second read from the read cache: no request', async () => {
    await invoke('dataworks_listTenantUsers', {});
    const before = await counts();
    await invoke('dataworks_listTenantUsers', { nameContains: 'alice' });
    await invoke('dataworks_listWorkspaces', {});
    assert.deepEqual(await counts(), before);
  });

  it('rejects wrong types, extra fields and huge strings with a sentence, sending nothing', async () => {
    const before = await counts();
    const huge = 'x'.repeat(200_000);
    const bad: [LmToolName, object, RegExp][] = [
      ['dataworks_listWorkspaces', { region: 42 }, /region: expected string/],
      ['dataworks_listBusinessProcesses', { workspaceId: '10001' }, /workspaceId: expected/],
      ['dataworks_listUserGroups', { nameContains: 'a', deleteAll: true }, /unknown field\(s\) "deleteAll"/],
      ['dataworks_getUserGroup', {}, /groupId: expected/],
      ['dataworks_findUserGroupsOfAccount', { account: huge }, /account: too long/],
      ['dataworks_listTenantUsers', { nameContains: huge }, /nameContains: too long/],
      ['dataworks_proposeBusinessProcess', { workspaceId: PROJECT, name: huge }, /name: too long/],
      ['dataworks_proposeUserGroupChanges', { groups: [{ name: 'g', owner: 'user:alice', type: 9, accounts: [] }] }, /groups\.0\.type/],
    ];
    for (const [name, input, why] of bad) {
      const text = await invoke(name, input);
      assert.match(text, /^Input rejected, nothing was done: /, name);
      assert.match(text, why, name);
      assert.ok(text.length < 500, `${name}: ${text.length} characters`);
    }
    assert.deepEqual(await counts(), before);
    assert.ok(!formOpen('dataworks.form.businessProcess') && !formOpen('dataworks.form.userGroup'));
  });

  it('proposes a business process: opens the Create Business Process form with the values, and creates nothing', async () => {
    const key = `dataworks.forms/businessProcess/Environment/${REGION}/project-${PROJECT}/draft`;
    await api.formContext().workspaceState.update(key, undefined);
    const before = await counts();
    const text = await invoke('dataworks_proposeBusinessProcess', { workspaceId: PROJECT, name: 'monthly_close', description: 'Month-end close APIs' });
    assert.match(text, /^Opened the Create Business Process form with the proposed values for the user to review .*Nothing has been sent/);
    await waitFor('the Create Business Process form', () => formOpen('dataworks.form.businessProcess'));
    assert.deepEqual(api.formContext().workspaceState.get(key), { projectId: String(PROJECT), name: 'monthly_close', description: 'Month-end close APIs', apiGatewayGroupId: '' });
    await new Promise((r) => setTimeout(r, 500));
    const after = await counts();
    assert.equal(after['CreateDataServiceGroup'] ?? 0, before['CreateDataServiceGroup'] ?? 0, 'the proposal created a business process');
  });

  it('proposes new user groups: opens the Add User Group form with the rows, and saves nothing', async () => {
    const key = `dataworks.forms/userGroup/Environment/${REGION}/new/draft`;
    await api.formContext().workspaceState.update(key, undefined);
    const before = await counts();
    const text = await invoke('dataworks_proposeUserGroupChanges', {
      groups: [{ name: 'close_team', owner: 'user:alice', type: 1, accounts: ['user:bob', 'user:erin'] }],
    });
    assert.match(text, /^Opened the Add User Group form /);
    await waitFor('the user group form', () => formOpen('dataworks.form.userGroup'));
    assert.deepEqual(api.formContext().workspaceState.get(key), {
      rows: [{ name: 'close_team', owner: 'user:alice', type: '1', projectName: '', accounts: ['user:bob', 'user:erin'] }],
    });
    await new Promise((r) => setTimeout(r, 500));
    const after = await counts();
    assert.equal(after['DsgUserGroupAddOrUpdate'] ?? 0, before['DsgUserGroupAddOrUpdate'] ?? 0, 'the proposal saved a group');
    assert.equal(after['DsgUserGroupDelete'] ?? 0, before['DsgUserGroupDelete'] ?? 0);
  });

  it('refuses the tools while dataworks.languageModelTools.enabled is off, and answers again once it is on', async () => {
    const config = vscode.workspace.getConfiguration('dataworks');
    try {
      await config.update('languageModelTools.enabled', false, vscode.ConfigurationTarget.Global);
      await waitFor('the tools to be refused', async () => {
        try {
          await vscode.lm.invokeTool('dataworks_listWorkspaces', { input: {}, toolInvocationToken: undefined });
          return false;
        } catch {
          return true;
        }
      });
    } finally {
      await config.update('languageModelTools.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the tools to answer again', async () => {
      try {
        return /^Workspaces of DataWorks profile/.test(await invoke('dataworks_listWorkspaces', {}));
      } catch {
        return false;
      }
    });
  });
});
