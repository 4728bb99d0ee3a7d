import * as assert from 'node:assert/strict';
import { ProfileStore, profileNameProblem, SECRET_PREFIX } from '../../../src/auth/profileStore';
import type { ProfileChange } from '../../../src/auth/profileStore';
import { formKey } from '../../../src/util/formKeys';
import { assertNoSecretRun } from '../../support/secretRuns';
import { MemoryMemento, MemorySecretStorage } from '../fakes/memoryStorage';

const CANARY = 'canary-secret-4f1d2a9b7c';
const creds = { accessKeyId: 'LTAI5tCanaryKeyId01', accessKeySecret: CANARY };

function setup(env: Record<string, string> = {}) {
  const secrets = new MemorySecretStorage();
  const state = new MemoryMemento();
  const seen: string[] = [];
  const store = new ProfileStore({ secrets, state, env, onSecret: (c) => seen.push(c.accessKeySecret) });
  return { secrets, state, store, seen };
}

describe('ProfileStore', () => {
  it('keeps the secret in SecretStorage and only non-secret fields in globalState', async () => {
    const { secrets, state, store } = setup();
    await store.save({ name: 'prod', region: 'cn-shanghai', mode: 'ak' }, creds);
    assert.ok(!state.dump().includes(CANARY), 'secret leaked into globalState');
    assertNoSecretRun([state.dump()], [CANARY, creds.accessKeyId], 'globalState');
    assert.ok(secrets.values.get(`${SECRET_PREFIX}prod`)?.includes(CANARY));
    const p = store.get('prod');
    assert.equal(p?.region, 'cn-shanghai');
    assert.equal(p?.accessKeyIdHint, 'LTAI…Id01');
    assert.deepEqual(await store.getCredentials('prod'), { ok: true, credentials: creds });
  });

  it('records the STS mode when a token is given', async () => {
    const { store } = setup();
    await store.save({ name: 'sts', region: 'cn-beijing', mode: 'ak' }, { ...creds, securityToken: 'tok-123456' });
    assert.equal(store.get('sts')?.mode, 'sts');
    const r = await store.getCredentials('sts');
    assert.ok(r.ok && r.credentials.securityToken === 'tok-123456');
  });

  it('removes the profile, its secret and its view state', async () => {
    const { secrets, state, store } = setup();
    await store.save({ name: 'prod', region: 'cn-shanghai', mode: 'ak' }, creds);
    await store.updateViewState('prod', { userGroupFilter: 'x' });
    await store.setActive('prod');
    await store.remove('prod');
    assert.equal(store.get('prod'), undefined);
    assert.equal(secrets.values.size, 0);
    assert.ok(!state.dump().includes('prod'));
  });

  it('leaves nothing behind when SecretStorage refuses the secret', async () => {
    const { secrets, state, store } = setup();
    secrets.failWrites = true;
    await assert.rejects(store.save({ name: 'prod', region: 'cn-shanghai', mode: 'ak' }, creds));
    assert.equal(store.list().length, 0);
    assert.equal(state.get('dataworks.profiles'), undefined);
  });

  it('reports a missing secret as "missing" and an unreadable one as "unreadable", never throwing', async () => {
    const { secrets, store } = setup();
    await store.save({ name: 'prod', region: 'cn-shanghai', mode: 'ak' }, creds);
    secrets.values.clear();
    assert.deepEqual(await store.getCredentials('prod'), { ok: false, reason: 'missing' });
    secrets.values.set(`${SECRET_PREFIX}prod`, 'not json');
    assert.deepEqual(await store.getCredentials('prod'), { ok: false, reason: 'unreadable' });
    secrets.failReads = true;
    assert.deepEqual(await store.getCredentials('prod'), { ok: false, reason: 'unreadable' });
  });

  it('offers the Environment profile, read-only, and uses it when nothing is selected', async () => {
    const { store } = setup({
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIEnvKey000001',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret-value',
      ALIBABA_CLOUD_REGION_ID: 'cn-beijing',
    });
    assert.equal(store.active()?.name, 'Environment');
    assert.equal(store.active()?.region, 'cn-beijing');
    assert.equal(store.active()?.source, 'environment');
    await store.save({ name: 'prod', region: 'cn-shanghai', mode: 'ak' }, creds);
    assert.equal(store.active()?.name, 'Environment', 'an unselected new profile does not take over');
    await store.setActive('prod');
    assert.equal(store.active()?.name, 'prod');
    await assert.rejects(store.remove('Environment'));
    const r = await store.getCredentials('Environment');
    assert.ok(r.ok && r.credentials.accessKeySecret === 'env-secret-value');
  });

  it('tells the redactor every secret it reads or stores', async () => {
    const { store, seen } = setup({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIEnvKey000001', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret-value' });
    await store.save({ name: 'prod', region: 'cn-shanghai', mode: 'ak' }, creds);
    await store.getCredentials('prod');
    assert.ok(seen.includes('env-secret-value'));
    assert.ok(seen.includes(CANARY));
  });

  it('keeps regions and filters per profile, the active region first', async () => {
    const { store } = setup();
    await store.save({ name: 'prod', region: 'cn-shanghai', mode: 'ak' }, creds);
    const prod = store.get('prod');
    assert.ok(prod);
    assert.deepEqual(store.visibleRegions(prod), ['cn-shanghai']);
    await store.updateViewState('prod', { activeRegion: 'cn-beijing', extraRegions: ['cn-shanghai', 'cn-beijing'] });
    assert.deepEqual(store.visibleRegions(prod), ['cn-beijing', 'cn-shanghai']);
    await store.updateViewState('prod', { userGroupFilter: '' });
    assert.equal(store.viewState('prod').userGroupFilter, undefined);
  });

  it('fires change events', async () => {
    const { store } = setup();
    const events: ProfileChange[] = [];
    store.onDidChange((e) => events.push(e));
    await store.save({ name: 'prod', region: 'cn-shanghai', mode: 'ak' }, creds);
    await store.save({ name: 'prod', region: 'cn-shanghai', mode: 'ak' }, creds);
    await store.setActive('prod');
    // The echoes of the two writes above; then a change from another window.
    store.handleSecretChange(`${SECRET_PREFIX}prod`);
    store.handleSecretChange(`${SECRET_PREFIX}prod`);
    store.handleSecretChange(`${SECRET_PREFIX}prod`);
    store.handleSecretChange('other.key');
    assert.deepEqual(events.map((e) => e.kind), ['profiles', 'credentials', 'active', 'credentials']);
  });

  it('a new profile saved and selected at once is one change, and the echo of its secret none', async () => {
    const { store } = setup();
    await store.save({ name: 'dev', region: 'cn-beijing', mode: 'ak' }, creds);
    const events: ProfileChange[] = [];
    store.onDidChange((e) => events.push(e));
    await store.save({ name: 'prod', region: 'cn-shanghai', mode: 'ak' }, creds, { activate: true });
    assert.equal(store.active()?.name, 'prod');
    store.handleSecretChange(`${SECRET_PREFIX}prod`);
    assert.deepEqual(events.map((e) => e.kind), ['profiles']);
    // An echo that never came does not hide a change made by another window much later.
    store.handleSecretChange(`${SECRET_PREFIX}dev`, Date.now() + 60_000);
    assert.deepEqual(events.map((e) => e.kind), ['profiles', 'credentials']);
  });

  it('validates names', () => {
    assert.equal(profileNameProblem('', []), 'empty');
    assert.equal(profileNameProblem('environment', []), 'reserved');
    assert.equal(profileNameProblem('Prod', ['prod']), 'duplicate');
    assert.equal(profileNameProblem('a/b', []), 'invalid');
    assert.equal(profileNameProblem('x'.repeat(65), []), 'tooLong');
    assert.equal(profileNameProblem('prod', ['dev']), undefined);
  });
});

describe('ProfileStore: a removed profile takes its form drafts with it', () => {
  it('deletes the drafts and panel keys of that profile from workspaceState (and globalState), no other', async () => {
    const secrets = new MemorySecretStorage();
    const state = new MemoryMemento();
    const drafts = new MemoryMemento();
    const store = new ProfileStore({ secrets, state, drafts, env: {} });
    await store.save({ name: 'prod/eu', region: 'cn-shanghai', mode: 'ak' }, creds);
    await store.save({ name: 'prod', region: 'cn-shanghai', mode: 'ak' }, creds);
    const mine = [
      `${formKey('userGroup', 'prod/eu', 'cn-shanghai', 'new')}/draft`,
      `${formKey('businessProcess', 'prod/eu', 'cn-beijing', 'workspace-7')}/draft`,
    ];
    const others = [`${formKey('userGroup', 'prod', 'cn-shanghai', 'new')}/draft`, 'dataworks.somethingElse'];
    for (const k of [...mine, ...others]) await drafts.update(k, { name: 'typed for this profile' });
    await state.update(mine[0] ?? '', { name: 'x' });

    await store.remove('prod/eu');
    assert.deepEqual([...drafts.keys()].sort(), [...others].sort());
    assert.equal(state.get(mine[0] ?? ''), undefined);
    assert.ok(store.get('prod'));
  });
});
