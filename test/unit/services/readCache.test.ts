import * as assert from 'node:assert/strict';
import { cacheKey, ReadCache } from '../../../src/services/readCache';

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
    await cache.get(cacheKey('p', 'r', 'userGroups', 1), () => Promise.resolve(1));
    await cache.get(cacheKey('p', 'r', 'workspaces', 1), () => Promise.resolve(1));
    await cache.get(cacheKey('p2', 'r', 'userGroups', 1), () => Promise.resolve(1));
    cache.invalidate(cacheKey('p', 'r', 'userGroups'));
    assert.equal(cache.size, 2);
    let release!: () => void;
    const slow = cache.get('late', () => new Promise<number>((r) => (release = () => r(1))));
    cache.invalidate();
    release();
    await slow;
    assert.equal(cache.size, 0);
  });

  it('keeps key parts apart', () => {
    assert.notEqual(cacheKey('a', 'bc'), cacheKey('ab', 'c'));
    assert.ok(!cacheKey('p1', 'r').startsWith(cacheKey('p')));
  });

  it('caches nothing with a TTL of 0', async () => {
    const cache = new ReadCache(() => 0);
    let loads = 0;
    await cache.get('k', () => Promise.resolve(++loads));
    await cache.get('k', () => Promise.resolve(++loads));
    assert.equal(loads, 2);
  });
});
