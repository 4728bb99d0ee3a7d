import * as assert from 'node:assert/strict';
import type { Page } from '../../../src/api/types';
import { PagedLoader } from '../../../src/tree/pagedLoader';

function source(total: number, pageSize = 10, reportedTotal = total) {
  const calls: number[] = [];
  const fetch = (n: number): Promise<Page<number>> => {
    calls.push(n);
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - (n - 1) * pageSize)) }, (_, i) => (n - 1) * pageSize + i);
    return Promise.resolve({ items, pageNumber: n, pageSize, totalCount: reportedTotal });
  };
  return { calls, fetch };
}

describe('PagedLoader', () => {
  it('stops at the first empty page when the server overstates its total', async () => {
    const { calls, fetch } = source(15, 10, 1000);
    const loader = new PagedLoader(fetch);
    await loader.loadAll(new AbortController().signal);
    assert.equal(loader.items.length, 15);
    assert.equal(loader.hasMore, false);
    assert.deepEqual(calls, [1, 2, 3]);
  });

  it('drops a page that arrives after a reset', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const loader = new PagedLoader<number>(async (n) => {
      await gate;
      return { items: [n], pageNumber: n, pageSize: 1, totalCount: 1 };
    });
    const first = loader.loadNext();
    loader.reset();
    release();
    await first;
    assert.equal(loader.items.length, 0);
    assert.equal(loader.started, false);
  });

  it('ensureStarted loads the first page once', async () => {
    const { calls, fetch } = source(5);
    const loader = new PagedLoader(fetch);
    await Promise.all([loader.ensureStarted(), loader.ensureStarted()]);
    await loader.ensureStarted();
    assert.deepEqual(calls, [1]);
  });
});
