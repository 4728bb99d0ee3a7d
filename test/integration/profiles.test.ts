// Profiles in the real SecretStorage: where the secret goes, where it must never go, and what happens when
// it disappears. A canary secret makes leaks findable.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { stepForRejection } from '../../src/auth/verification';
import type { DataWorksTestApi } from './explorerApi';
import { children, explorerApi } from './explorerApi';
import { emulator } from './helpers';
import { assertNoSecretRun } from '../support/secretRuns';

// Random and mixed case, so that every 8-character run of it is checked (assertNoSecretRun), not only the whole.
const CANARY = `cAnArY${Math.random().toString(36).slice(2, 10)}Q${Date.now().toString(36).toUpperCase()}`;
const NAME = 'it-canary';
const SECRET_KEY = `dataworks.credentials.${NAME}`;

function globalStateDump(api: DataWorksTestApi): string {
  return api.globalState.keys().map((k) => `${k}=${JSON.stringify(api.globalState.get(k))}`).join('\n');
}

describe('DataWorks profiles in SecretStorage', function () {
  let api: DataWorksTestApi;

  before(async () => {
    api = await explorerApi();
  });

  after(async () => {
    if (api.profiles.get(NAME)) await api.profiles.remove(NAME);
  });

  it('stores the secret in SecretStorage only, never in settings, globalState or the log', async () => {
    await api.profiles.save({ name: NAME, region: 'cn-shanghai', mode: 'ak' }, { accessKeyId: 'LTAIDEMOEMULATOR0000001', accessKeySecret: CANARY });
    assert.ok((await api.secrets.get(SECRET_KEY))?.includes(CANARY));
    assert.equal(api.profiles.get(NAME)?.mode, 'ak');
    assertNoSecretRun([globalStateDump(api)], [CANARY], 'globalState');
    const settings = JSON.stringify(vscode.workspace.getConfiguration('dataworks'));
    assertNoSecretRun([settings], [CANARY], 'settings');
  });

  it('shows a rejected key as an error node without leaking the secret', async function () {
    if (!emulator.url) this.skip();
    await api.profiles.setActive(NAME);
    try {
      const roots = await children(api);
      const folders = await children(api, roots[0]);
      const groups = await children(api, folders.find((f) => f.view().label === 'User Groups'));
      const error = groups[0];
      assert.equal(error?.view().contextValue, 'dataworks.credentialsError');
      assert.match(error?.view().label ?? '', /click to retry/);
      assertNoSecretRun([error?.view().label ?? ''], [CANARY], 'the error node');
      assert.equal(api.isRejected(NAME), true, 'the status bar shows rejected credentials');
      const log = api.recentLog().join('\n');
      assert.match(log, /SignatureDoesNotMatch|Signature/);
      assertNoSecretRun([log], [CANARY], 'the output channel');
    } finally {
      await api.profiles.remove(NAME);
    }
    assert.equal(api.profiles.active()?.name, 'Environment', 'removing the active profile falls back to Environment');
  });

  it('a form failing on a rejected key turns the status bar red, as the tree does', async function () {
    if (!emulator.url) this.skip();
    const name = 'it-canary-form';
    await api.profiles.save({ name, region: 'cn-shanghai', mode: 'ak' }, { accessKeyId: 'LTAIDEMOEMULATOR0000001', accessKeySecret: CANARY });
    await api.profiles.setActive(name);
    try {
      const ctx = api.formContext();
      assert.equal(api.isRejected(name), false);
      // The lookup of the user group form's accounts, and what the form does with its failure (FormHost.lookupFailed).
      const error = await ctx.tenantUsers('cn-shanghai', true).then(() => undefined, (e: unknown) => e);
      assert.ok(error, 'the emulator rejects the secret');
      const failed = ctx.reportError(error, '[forms] userGroup: loading tenantUsers');
      assert.equal(failed.kind, 'credentials-rejected');
      assert.equal(api.isRejected(name), true, 'the status bar shows rejected credentials');
      assert.ok(api.recentLog().some((l) => l.includes('[forms] userGroup: loading tenantUsers failed: code=SignatureDoesNotMatch')));
      assertNoSecretRun([failed.message, ...api.recentLog()], [CANARY], 'the report');
    } finally {
      await api.profiles.remove(name);
    }
  });

  it('removes the profile and its secret', async () => {
    await api.profiles.save({ name: NAME, region: 'cn-shanghai', mode: 'ak' }, { accessKeyId: 'LTAIDEMOEMULATOR0000001', accessKeySecret: CANARY });
    await api.profiles.remove(NAME);
    assert.equal(await api.secrets.get(SECRET_KEY), undefined);
    assert.equal(api.profiles.get(NAME), undefined);
    assert.ok(!globalStateDump(api).includes(NAME));
  });

  it('Add Profile\'s verification call puts each rejected credential on its own input', async function () {
    if (!emulator.url) this.skip();
    const verdict = async (credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string }): Promise<string | undefined> => {
      const service = await api.services.createUnsaved('cn-shanghai', credentials);
      try {
        await service.listWorkspaces({ pageNumber: 1, pageSize: 1 });
        return 'accepted';
      } catch (e) {
        return stepForRejection(e);
      }
    };
    assert.equal(await verdict({ accessKeyId: 'LTAIDEMOEMULATOR0000001', accessKeySecret: 'demo-secret-for-the-dataworks-emulator' }), 'accepted');
    assert.equal(await verdict({ accessKeyId: 'LTAINOSUCHKEY000000001', accessKeySecret: 'whatever-secret' }), 'accessKeyId');
    assert.equal(await verdict({ accessKeyId: 'LTAIDEMOEMULATOR0000001', accessKeySecret: CANARY }), 'secret');
    assert.equal(await verdict({ accessKeyId: 'STS.DEMOEMULATOREXPIRED1', accessKeySecret: 'expired-sts-secret-for-the-dataworks-emulator', securityToken: 'CAIS-expired-security-token' }), 'token');
    assertNoSecretRun(api.recentLog(), [CANARY], 'the log');
  });

  it('reports a failing command once, in the log, without throwing', async () => {
    await vscode.commands.executeCommand('dataworks.updateCredentials', 'Environment');
    assert.ok(api.recentLog().some((l) => l.includes('dataworks.updateCredentials failed')));
  });

  it('offers "sign in again" when SecretStorage lost the secret', async () => {
    await api.profiles.save({ name: NAME, region: 'cn-shanghai', mode: 'ak' }, { accessKeyId: 'LTAIDEMOEMULATOR0000001', accessKeySecret: CANARY });
    await api.profiles.setActive(NAME);
    await api.secrets.delete(SECRET_KEY);
    const roots = await children(api);
    assert.equal(roots.length, 1);
    assert.equal(roots[0]?.view().contextValue, 'dataworks.signIn');
    assert.equal(roots[0]?.view().command?.id, 'dataworks.updateCredentials');
    await api.profiles.remove(NAME);
    assertNoSecretRun(api.recentLog(), [CANARY], 'the log');
  });
});
