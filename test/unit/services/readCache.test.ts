import * as assert from 'node:assert/strict';
import { cacheKeys } from '../../../src/services/cacheKeys';
import { ReadCache } from '../../../src/services/readCache';

describe('ReadCache', () => {
  it('serves a fresh entry without loading, and loads again after the TTL', async () => {
    let now = 0;
    let loads = 0;
    const cache = new ReadCache(() => 1000, () => now);
    const load = () => Promise.resolve(++loads);
    assert.equal(await cache.get('k', load), 1);
    assert.equal(await cache.get('k', load), 1);
    now = 1001;
    assert.equal(await cache.get('k', load), 2);
  });

  it('coalesces concurrent loads of the same key into one', async () => {
    const cache = new ReadCache(() => 1000);
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async () => {
      loads++;
      await gate;
      return 'v';
    };
    const a = cache.get('k', load);
    const b = cache.get('k', load);
    release();
    assert.deepEqual(await Promise.all([a, b]), ['v', 'v']);
    assert.equal(loads, 1);
  });

  it('does not cache failures', async () => {
    const cache = new ReadCache(() => 1000);
    await assert.rejects(cache.get('k', () => Promise.reject(new Error('x'))));
    assert.equal(await cache.get('k', () => Promise.resolve(5)), 5);
  });

  it('invalidates by prefix and drops a load that started before the invalidation', async () => {
    const cache = new ReadCache(() => 1000);
    await cache.get(cacheKeys.page(cacheKeys.userGroups('p', 'r', ''), 1), () => Promise.resolve(1));
    await cache.get(cacheKeys.page(cacheKeys.workspaces('p', 'r'), 1), () => Promise.resolve(1));
    await cache.get(cacheKeys.page(cacheKeys.userGroups('p2', 'r', ''), 1), () => Promise.resolve(1));
    cache.invalidate(cacheKeys.userGroupLists('p', 'r'));
    assert.equal(cache.size, 2);
    let release!: () => void;
    const slow = cache.get('late', () => new Promise<number>((r) => (release = () => r(1))));
    cache.invalidate();
    release();
    await slow;
    assert.equal(cache.size, 0);
  });

  it('keeps key parts apart', () => {
    assert.notEqual(cacheKeys.workspaces('a', 'bc'), cacheKeys.workspaces('ab', 'c'));
    assert.ok(!cacheKeys.workspaces('p1', 'r').startsWith(cacheKeys.profile('p')));
    assert.ok(!cacheKeys.userGroups('p', 'r', 'ab').startsWith(cacheKeys.userGroups('p', 'r', 'a')));
    assert.ok(!cacheKeys.page(cacheKeys.workspaces('p', 'r'), 12).startsWith(cacheKeys.page(cacheKeys.workspaces('p', 'r'), 1)));
  });

  it('nests keys so that one prefix drops what a change makes stale', () => {
    const [p, r] = ['p', 'cn-hangzhou'];
    const lists = [cacheKeys.workspaces(p, r), cacheKeys.userGroups(p, r, ''), cacheKeys.userGroups(p, r, 'ops'), cacheKeys.businessProcesses(p, r, 7), cacheKeys.tenantUsers(p, r)];
    for (const list of lists) {
      assert.ok(list.startsWith(cacheKeys.profile(p)), list);
      assert.ok(cacheKeys.page(list, 3).startsWith(list), list);
    }
    assert.deepEqual(lists.filter((l) => l.startsWith(cacheKeys.userGroupLists(p, r))), [lists[1], lists[2]]);
    assert.ok(!cacheKeys.businessProcesses(p, r, 7).startsWith(cacheKeys.businessProcesses(p, r, 70)));
    assert.ok(!cacheKeys.businessProcesses(p, r, 70).startsWith(cacheKeys.businessProcesses(p, r, 7)));
  });

  it('caches nothing with a TTL of 0', async () => {
    const cache = new ReadCache(() => 0);
    let loads = 0;
    await cache.get('k', () => Promise.resolve(++loads));
    await cache.get('k', () => Promise.resolve(++loads));
    assert.equal(loads, 2);
  });

  it('peek answers what is cached or loading, never loads, and nothing once expired', async () => {
    let now = 0;
    const cache = new ReadCache(() => 1000, () => now);
    assert.equal(cache.peek('k'), undefined);
    let release: (v: number) => void = () => undefined;
    const loading = cache.get('k', () => new Promise<number>((r) => { release = r; }));
    const pending = cache.peek<number>('k');
    assert.ok(pending);
    release(7);
    assert.equal(await loading, 7);
    assert.equal(await pending, 7);
    assert.equal(await cache.peek<number>('k'), 7);
    now = 1001;
    assert.equal(cache.peek('k'), undefined);
  });

  it('keeps MaxCompute roles under the profile and region, one key per project', () => {
    const roles = cacheKeys.maxComputeRoles('p', 'cn-shanghai', 'sales_dw');
    assert.ok(roles.startsWith(cacheKeys.profile('p')));
    assert.ok(!roles.startsWith(cacheKeys.maxComputeRoles('p', 'cn-shanghai', 'sales')));
  });
});
