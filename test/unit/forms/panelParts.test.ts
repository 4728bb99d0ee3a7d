import assert from 'node:assert/strict';
import { DraftStore, type DraftMemento } from '../../../src/forms/draftStore';
import { ReadyBuffer } from '../../../src/forms/readyBuffer';
import { SharedLoads } from '../../../src/forms/sharedLoads';

describe('forms: the panel\'s parts', () => {
  it('ReadyBuffer holds messages until the document is ready, in order, and again for a new document', () => {
    const sent: number[] = [];
    const buffer = new ReadyBuffer<number>((m) => sent.push(m));
    buffer.post(1);
    buffer.post(2);
    assert.deepEqual(sent, []);
    buffer.markReady();
    buffer.post(3);
    assert.deepEqual(sent, [1, 2, 3]);
    buffer.hold();
    buffer.post(4);
    assert.deepEqual(sent, [1, 2, 3]);
    buffer.markReady();
    assert.deepEqual(sent, [1, 2, 3, 4]);
  });

  it('DraftStore parses what was stored and what the page sends, keeps only drafts, and clears both', () => {
    const stored = new Map<string, unknown>([['k', { name: 'kept' }], ['bad', { name: 5 }]]);
    const memento: DraftMemento = { get: (key) => stored.get(key), update: (key, v) => (stored.set(key, v), Promise.resolve()) };
    const parse = (d: unknown) => (typeof d === 'object' && d !== null && typeof (d as { name?: unknown }).name === 'string' ? d as { name: string } : undefined);
    assert.equal(new DraftStore(memento, 'bad', parse).current, undefined);
    const drafts = new DraftStore(memento, 'k', parse);
    assert.deepEqual(drafts.current, { name: 'kept' });
    drafts.save({ name: 9 });
    assert.deepEqual(drafts.current, { name: 'kept' });
    drafts.save({ name: 'new' });
    assert.deepEqual([drafts.current, stored.get('k')], [{ name: 'new' }, { name: 'new' }]);
    drafts.clear();
    assert.deepEqual([drafts.current, stored.get('k')], [undefined, undefined]);
  });

  it('SharedLoads shares a load per key until a refresh; a failure is dropped, but never a newer load', async () => {
    const loads = new SharedLoads<number>();
    let n = 0;
    const load = () => Promise.resolve(++n);
    assert.equal(await loads.get('a', false, load), 1);
    assert.equal(await loads.get('a', false, load), 1);
    assert.equal(await loads.get('b', false, load), 2);
    assert.equal(await loads.get('a', true, load), 3);
    let fail!: (e: Error) => void;
    const failing = loads.get('c', false, () => new Promise<number>((_, reject) => (fail = reject)));
    const newer = loads.get('c', true, load);
    fail(new Error('x'));
    await assert.rejects(failing);
    assert.equal(await loads.get('c', false, load), await newer);
    await assert.rejects(loads.get('d', false, () => Promise.reject(new Error('y'))));
    assert.equal(await loads.get('d', false, load), 5);
  });
});
