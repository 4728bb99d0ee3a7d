import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataServiceGroupRequest } from '../../../src/shared/requests';
import * as codec from '../../../src/shared/operationCodec';
import { asRecordedRequest, type OperationEntry } from '../../../src/services/operations';
import { MAX_OPERATIONS, nodeStoreFs, OPERATIONS_FILE, OperationStore, type StoreFs } from '../../../src/services/operationStore';

function entry(n: number, over: Partial<OperationEntry> = {}): OperationEntry {
  const input = { projectId: 7, apiGatewayGroupId: 'g1', name: `bp_${n}`, description: '' };
  return {
    id: `id-${n}`, session: 'S1', startedAt: 1000 + n, updatedAt: 1000 + n, profile: 'default', region: 'cn-shanghai',
    input: { action: 'createBusinessProcess', ...input },
    request: asRecordedRequest(createDataServiceGroupRequest(input, 'cn-shanghai')),
    status: 'succeeded', requestId: `REQ-${n}`,
    ...over,
  };
}

describe('OperationStore (Recent Operations file)', () => {
  let dir: string;
  let logs: string[];
  const store = (session = 'S1', fs: StoreFs = nodeStoreFs, cap?: number): OperationStore =>
    new OperationStore({ fs, codec: () => Promise.resolve(codec), dir, session, log: (m) => logs.push(m), ...(cap ? { cap } : {}), lockWaitMs: 5000 });
  const file = (): string => join(dir, OPERATIONS_FILE);
  const onDisk = (): { format: string; entries: OperationEntry[] } => JSON.parse(readFileSync(file(), 'utf8')) as { format: string; entries: OperationEntry[] };

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'dw-ops-')), 'globalStorage'); // the folder does not exist yet
    logs = [];
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('starts empty without a file and creates the folder on the first write', async () => {
    const s = store();
    assert.deepEqual(await s.list(), []);
    await s.upsert(entry(1));
    assert.deepEqual(onDisk().entries.map((e) => e.id), ['id-1']);
    assert.equal(onDisk().format, 'dataworks.recentOperations');
  });

  it('keeps the newest first and at most the cap (500 by default)', async () => {
    assert.equal(MAX_OPERATIONS, 500);
    const s = store('S1', nodeStoreFs, 3);
    for (const n of [1, 2, 3, 4, 5]) await s.upsert(entry(n));
    assert.deepEqual((await s.list()).map((e) => e.id), ['id-5', 'id-4', 'id-3']);
    assert.deepEqual(onDisk().entries.map((e) => e.id), ['id-5', 'id-4', 'id-3']);
  });

  it('caps a full file at 500', async () => {
    const s = store();
    await s.upsert(...Array.from({ length: 520 }, (_, i) => entry(i)));
    assert.equal(onDisk().entries.length, 500);
    assert.equal(onDisk().entries[0]?.id, 'id-519');
  });

  it('updates an entry in place by id, never back to an earlier state', async () => {
    const s = store();
    await s.upsert(entry(1, { status: 'running', requestId: undefined }));
    await s.upsert(entry(1, { status: 'succeeded', updatedAt: 2000 }));
    await s.upsert(entry(1, { status: 'running', updatedAt: 3000 })); // a stale copy
    assert.deepEqual((await s.list()).map((e) => [e.id, e.status]), [['id-1', 'succeeded']]);
  });

  it('writes through a temp file and a rename; a failed rename leaves the old file whole and no temp file', async () => {
    const calls: string[] = [];
    let failRename = false;
    const spy: StoreFs = {
      ...nodeStoreFs,
      write: async (p, d) => {
        calls.push(`write ${p.endsWith('.tmp') ? 'temp' : 'FILE'}`);
        return nodeStoreFs.write(p, d);
      },
      rename: async (a, b) => {
        calls.push(`rename ${a.endsWith('.tmp') ? 'temp' : a} -> ${b === file() ? 'FILE' : b}`);
        if (failRename) throw new Error('disk full');
        return nodeStoreFs.rename(a, b);
      },
    };
    const s = store('S1', spy);
    await s.upsert(entry(1));
    assert.deepEqual(calls, ['write temp', 'rename temp -> FILE']);
    failRename = true;
    await assert.rejects(s.upsert(entry(2)), /disk full/);
    assert.deepEqual(onDisk().entries.map((e) => e.id), ['id-1']);
    assert.deepEqual(readdirSync(dir).sort(), [OPERATIONS_FILE]);
  });

  for (const [what, text] of [
    ['invalid JSON', '{"format": "dataworks.recentOperations", "entries": ['],
    ['foreign JSON', '{"recent": ["something else"]}'],
    ['a newer version', '{"format":"dataworks.recentOperations","version":99,"entries":[]}'],
    ['a JSON array', '[1,2,3]'],
  ] as const) {
    it(`sets ${what} aside (renamed, with a log line) and starts empty, without throwing`, async () => {
      const { mkdirSync } = await import('node:fs');
      mkdirSync(dir, { recursive: true });
      writeFileSync(file(), text);
      const s = store();
      assert.deepEqual(await s.list(), []);
      const aside = readdirSync(dir).filter((f) => f.startsWith(`${OPERATIONS_FILE}.corrupt-`));
      assert.equal(aside.length, 1);
      assert.equal(readFileSync(join(dir, aside[0] ?? ''), 'utf8'), text);
      assert.ok(logs.some((l) => l.includes('set aside')), logs.join('\n'));
      await s.upsert(entry(1));
      assert.deepEqual(onDisk().entries.map((e) => e.id), ['id-1']);
    });
  }

  it('drops single entries that do not parse and keeps the rest', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const bad = { ...entry(2), status: 'exploded' };
    writeFileSync(file(), JSON.stringify({ format: 'dataworks.recentOperations', version: 1, entries: [entry(1), bad, { id: 3 }] }));
    assert.deepEqual((await store().list()).map((e) => e.id), ['id-1']);
    assert.ok(logs.some((l) => /ignored 2 entries/.test(l)));
  });

  it('reads another session\'s running entry as unknown (interrupted), its own as running', async () => {
    await store('OLD').upsert(entry(1, { session: 'OLD', status: 'running' }), entry(2, { session: 'NEW', status: 'running' }));
    const next = await store('NEW').reload();
    assert.deepEqual(next.map((e) => [e.id, e.status, e.interrupted]), [['id-2', 'running', undefined], ['id-1', 'unknown', true]]);
  });

  it('lets the owning window finish an entry another window has marked unknown', async () => {
    const a = store('A');
    const b = store('B');
    await a.upsert(entry(1, { session: 'A', status: 'running' }));
    assert.equal((await b.reload())[0]?.status, 'unknown');
    await b.upsert(entry(9, { session: 'B' })); // B writes its own entry, carrying its view of id-1
    await a.upsert(entry(1, { session: 'A', status: 'succeeded', updatedAt: 5000 }));
    assert.deepEqual((await b.reload()).find((e) => e.id === 'id-1')?.status, 'succeeded');
  });

  it('loses no entry when two windows append at the same time', async () => {
    const a = store('A');
    const b = store('B');
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 40; i++) {
      writes.push(a.upsert(entry(i, { session: 'A', id: `a-${i}` })));
      writes.push(b.upsert(entry(i, { session: 'B', id: `b-${i}` })));
    }
    await Promise.all(writes);
    assert.equal(onDisk().entries.length, 80);
    assert.equal((await a.reload()).length, 80);
    assert.ok(!readdirSync(dir).some((f) => f.endsWith('.lock') || f.endsWith('.tmp')));
  });

  it('takes over a lock left by a window that died holding it', async () => {
    const { mkdirSync, utimesSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file()}.lock`, 'DEAD');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file()}.lock`, old, old);
    await store().upsert(entry(1));
    assert.deepEqual(onDisk().entries.map((e) => e.id), ['id-1']);
  });

  it('clears for every window, and a window writing later does not bring cleared entries back', async () => {
    const a = store('A');
    const b = store('B');
    await a.upsert(entry(1), entry(2));
    await b.list();
    await a.clear();
    await b.upsert(entry(3));
    assert.deepEqual(onDisk().entries.map((e) => e.id), ['id-3']);
  });
});
