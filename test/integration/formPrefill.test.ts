// The prefill argument (Retry in Recent Operations) of Add User Group… and Edit User Group…: the values become the
// form's draft and the form opens for review; nothing is sent. (Create Business Process's is in operations.test.ts.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DataWorksTestApi } from './explorerApi';
import { explorerApi } from './explorerApi';
import { emulator, emulatorAdmin, waitFor } from './helpers';

const REGION = 'cn-shanghai';
const SAVE = 'DsgUserGroupAddOrUpdate';
const values = (name: string) => ({ rows: [{ name, owner: 'alice', type: '1', projectName: '', accounts: ['user:bob'] }] });

describe('form prefill of the user group commands (Retry)', function () {
  let api: DataWorksTestApi;
  const saves = async (): Promise<number> => ((await emulatorAdmin('GET', '/__admin/counts')) as Record<string, number>)[SAVE] ?? 0;
  const formOpen = (): boolean => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('dataworks.form.userGroup')));
  const draft = (target: string): unknown => api.formContext().workspaceState.get(`dataworks.forms/userGroup/Environment/${REGION}/${target}/draft`);

  before(async function () {
    if (!emulator.url) this.skip();
    api = await explorerApi();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the form to close', () => !formOpen());
  });

  it('Add User Group… opens the new-group form with the values as its draft, sending nothing', async () => {
    const before = await saves();
    const v = values('prefill_add');
    await vscode.commands.executeCommand('dataworks.addUserGroup', { prefill: 'userGroups', region: REGION, values: v });
    await waitFor('the user group form', formOpen);
    assert.deepEqual(draft('new'), v);
    assert.equal(await saves(), before);
  });

  it('Edit User Group… opens the named group\'s form with the values as its draft, sending nothing', async () => {
    const before = await saves();
    const v = values('yun_group');
    await vscode.commands.executeCommand('dataworks.editUserGroup', { prefill: 'userGroups', region: REGION, group: { id: 1001, name: 'yun_group' }, values: v });
    await waitFor('the user group form', formOpen);
    assert.deepEqual(draft('group-1001'), v);
    assert.equal(await saves(), before);
  });
});
