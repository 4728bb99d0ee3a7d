// Every way a region gets in is checked before it can become part of a host name: the CLI's config file,
// ALIBABA_CLOUD_REGION_ID, stored profiles and their remembered regions (switch region, show regions), and the forms'
// restored state. A region like `x@attacker.example:443/#` would otherwise send the signed request elsewhere.

import * as assert from 'node:assert/strict';
import { parseCliConfig } from '../../../src/auth/cliConfig';
import { readEnvironmentProfile } from '../../../src/auth/environment';
import { PROFILES_KEY, ProfileStore, type RefusedRegionSource, VIEW_STATE_PREFIX } from '../../../src/auth/profileStore';
import { bpInitSchema, bpRestoreSchema, parseMessage, ugRestoreSchema, wireRequestSchema } from '../../../src/shared/protocol';
import { createDataServiceGroupRequest } from '../../../src/shared/requests';
import { MemoryMemento, MemorySecretStorage } from '../fakes/memoryStorage';

const HOSTILE = 'x@attacker.example:443/#';
const creds = { accessKeyId: 'LTAI5tRegionKey01', accessKeySecret: 'region-secret-1' };

function store(env: Record<string, string> = {}, state = new MemoryMemento()) {
  const refused: [string, RefusedRegionSource][] = [];
  const s = new ProfileStore({ secrets: new MemorySecretStorage(), state, env, onRefusedRegion: (p, w) => refused.push([p, w]) });
  return { s, state, refused };
}

describe('region entries: the CLI config', () => {
  it('a profile whose region_id is not a region ID is skipped with its reason; the others come across', () => {
    const r = parseCliConfig(JSON.stringify({
      current: 'bad',
      profiles: [
        { name: 'bad', mode: 'AK', access_key_id: 'a', access_key_secret: 's', region_id: HOSTILE },
        { name: 'upper', mode: 'AK', access_key_id: 'a', access_key_secret: 's', region_id: 'CN-HANGZHOU' },
        { name: 'good', mode: 'AK', access_key_id: 'a', access_key_secret: 's', region_id: 'cn-shanghai' },
        { name: 'none', mode: 'AK', access_key_id: 'a', access_key_secret: 's' },
      ],
    }));
    assert.ok(r.ok);
    assert.deepEqual(r.profiles.map((p) => [p.name, p.region]), [['good', 'cn-shanghai'], ['none', undefined]]);
    assert.deepEqual(r.skipped.map((s) => [s.name, s.reason.kind]), [['bad', 'invalidRegion'], ['upper', 'invalidRegion']]);
    assert.doesNotMatch(JSON.stringify(r.skipped), /attacker/);
  });
});

describe('region entries: ALIBABA_CLOUD_REGION_ID', () => {
  const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIabcdefgh1', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's' };
  it('is not used when it is not a region ID: the default region instead, marked as refused', () => {
    const p = readEnvironmentProfile({ ...env, ALIBABA_CLOUD_REGION_ID: HOSTILE });
    assert.equal(p?.profile.region, 'cn-hangzhou');
    assert.equal(p?.regionRefused, true);
    assert.equal(readEnvironmentProfile({ ...env, ALIBABA_CLOUD_REGION_ID: ' cn-beijing ' })?.regionRefused, undefined);
    assert.equal(readEnvironmentProfile({ ...env, ALIBABA_CLOUD_REGION_ID: ' cn-beijing ' })?.profile.region, 'cn-beijing');
  });
  it('the store reports it once, so the user is told', () => {
    const { s, refused } = store({ ...env, ALIBABA_CLOUD_REGION_ID: HOSTILE });
    assert.equal(s.active()?.region, 'cn-hangzhou');
    s.list();
    assert.deepEqual(refused, [['Environment', 'environment']]);
  });
});

describe('region entries: the profile store', () => {
  it('a stored profile with a bad region (an older version\'s import) is kept on the default region and reported once', () => {
    const state = new MemoryMemento();
    void state.update(PROFILES_KEY, [{ name: 'old', region: HOSTILE, mode: 'ak' }, { name: 'ok', region: 'cn-beijing', mode: 'ak' }]);
    const { s, refused } = store({}, state);
    assert.deepEqual(s.list().map((p) => [p.name, p.region]), [['old', 'cn-hangzhou'], ['ok', 'cn-beijing']]);
    s.list();
    s.get('old');
    assert.deepEqual(refused, [['old', 'stored']]);
  });

  it('remembered active and extra regions that are not region IDs are dropped and reported', () => {
    const state = new MemoryMemento();
    void state.update(PROFILES_KEY, [{ name: 'p', region: 'cn-beijing', mode: 'ak' }]);
    void state.update(`${VIEW_STATE_PREFIX}p`, { activeRegion: HOSTILE, extraRegions: ['cn-shanghai', 'evil.example/'], workspaceFilter: 'w' });
    const { s, refused } = store({}, state);
    const p = s.get('p');
    assert.ok(p);
    assert.equal(s.activeRegion(p), 'cn-beijing');
    assert.deepEqual(s.visibleRegions(p), ['cn-beijing', 'cn-shanghai']);
    assert.equal(s.viewState('p').workspaceFilter, 'w');
    assert.deepEqual(refused, [['p', 'view']]);
  });

  it('save and switch/show region refuse a region that is not a region ID, and store nothing', async () => {
    const { s, state } = store();
    await assert.rejects(s.save({ name: 'x', region: HOSTILE, mode: 'ak' }, creds), RangeError);
    assert.equal(s.get('x'), undefined);
    await s.save({ name: 'p', region: 'cn-beijing', mode: 'ak' }, creds);
    await assert.rejects(s.updateViewState('p', { activeRegion: HOSTILE }), RangeError);
    await assert.rejects(s.updateViewState('p', { extraRegions: ['cn-shanghai', HOSTILE] }), RangeError);
    assert.equal(state.get(`${VIEW_STATE_PREFIX}p`), undefined);
    await s.updateViewState('p', { activeRegion: 'cn-shanghai', extraRegions: ['cn-hangzhou'] });
    assert.deepEqual(s.visibleRegions(s.get('p') ?? assert.fail()), ['cn-shanghai', 'cn-hangzhou']);
  });
});

describe('region entries: the forms\' restored state and page data', () => {
  it('a restore state with a bad region does not parse (the panel is not restored)', () => {
    for (const region of [HOSTILE, 'CN-HANGZHOU', '', 'a'.repeat(65), 'cn-hangzhou.evil.example']) {
      assert.equal(parseMessage(bpRestoreSchema, { profile: 'p', region }), undefined, region);
      assert.equal(parseMessage(ugRestoreSchema, { profile: 'p', region }), undefined, region);
    }
    assert.deepEqual(parseMessage(bpRestoreSchema, { profile: 'p', region: 'cn-north-2-gov-1', projectId: 3 }), { profile: 'p', region: 'cn-north-2-gov-1', projectId: 3 });
    assert.deepEqual(parseMessage(ugRestoreSchema, { profile: 'p', region: 'cn-hangzhou' }), { profile: 'p', region: 'cn-hangzhou' });
  });

  it('page data and review requests carry region IDs only', () => {
    const req = createDataServiceGroupRequest({ projectId: 1, apiGatewayGroupId: 'g', name: 'n', description: '' }, 'cn-hangzhou');
    assert.ok(parseMessage(wireRequestSchema, req));
    assert.equal(parseMessage(wireRequestSchema, { ...req, region: HOSTILE }), undefined);
    const init = parseMessage(bpInitSchema, {
      strings: {}, locale: 'en', region: HOSTILE, restore: { profile: 'p', region: 'cn-hangzhou' },
      prefill: { projectId: '', apiGatewayGroupId: '', name: '', description: '' }, phase: 'edit',
    });
    assert.equal(init, undefined);
  });
});
