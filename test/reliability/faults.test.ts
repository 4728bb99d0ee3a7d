// Fault injection: every service method the extension uses × every fault the emulator can inject, through the
// real service, the real openapi-client transport and real signatures. The table says what must happen; the
// emulator's own bookkeeping (counts(), snapshot(), the fault counters) is the witness, not the client's word.
//
// Invariants checked on every row:
// - reads succeed after transient faults, or fail with a retryable DataWorksError when the fault outlasts the
//   retries;
// - a create never produces two objects, and its verdict is honest: "not-created" only when, after every request
//   the server ever received has finished, nothing exists;
// - updates and deletes may be repeated after any failure and converge on the asked-for state;
// - every call ends (or is cancelled) within its deadline plus a small slack.

import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import {
  type CallOptions, type CreateVerdict, DataWorksError, type DataWorksErrorKind, type DataWorksService,
} from '../../src/api';
import { type EmulatorData, type FaultConfig, type RunningEmulator, startEmulator } from '../emulator';
import { remainingFaults, seedFacts, serviceFor, settle, sleep } from './support';

type OpKind = 'read' | 'create' | 'update' | 'delete';

/** What a write row needs to know about the world before and after. */
interface Fixture {
  readonly name: string;
  readonly id?: number;
}

interface Op {
  readonly method: keyof Omit<DataWorksService, 'region'>;
  /** The wire action the faults are aimed at (lookups after an ambiguous create use other actions, unfaulted). */
  readonly action: string;
  readonly kind: OpKind;
  prepare(ctx: World, tag: string): Promise<Fixture>;
  run(ctx: World, fx: Fixture, opts: CallOptions): Promise<unknown>;
  /** Writes: how many objects carry the fixture's target name now (creates), or whether the target state holds. */
  readonly count?: (data: EmulatorData, fx: Fixture) => number;
}

interface World {
  readonly svc: DataWorksService;
  readonly emu: RunningEmulator;
  readonly projectId: number;
  readonly projectName: string;
  readonly gatewayGroupId: string;
  readonly businessProcessId: string;
  readonly owner: string;
}

const REGION = 'cn-shanghai';
const bpNamed = (d: EmulatorData, name: string): number =>
  (d.regions[REGION]?.businessProcesses ?? []).filter((b) => b.groupName === name).length;
const groupsNamed = (d: EmulatorData, name: string): number => d.userGroups.filter((g) => g.name === name).length;
const groupId = (d: EmulatorData, name: string): number => {
  const g = d.userGroups.find((x) => x.name === name);
  assert.ok(g, `fixture group ${name} exists`);
  return g.id;
};

const OPS: readonly Op[] = [
  read('listWorkspaces', 'ListProjects', (w, o) => w.svc.listWorkspaces({ pageNumber: 1, pageSize: 100 }, o)),
  read('getWorkspace', 'GetProject', (w, o) => w.svc.getWorkspace(w.projectId, o)),
  read('listBusinessProcesses', 'ListDataServiceGroups', (w, o) => w.svc.listBusinessProcesses({ projectId: w.projectId, pageNumber: 1, pageSize: 100 }, o)),
  read('getBusinessProcess', 'GetDataServiceGroup', (w, o) => w.svc.getBusinessProcess(w.projectId, w.businessProcessId, o)),
  read('listUserGroups', 'DsgUserGroupQueryList', (w, o) => w.svc.listUserGroups({ pageNumber: 1, pageSize: 100 }, o)),
  read('listTenantUsers', 'DsgUserGroupQueryUserList', (w, o) => w.svc.listTenantUsers(o)),
  read('listMaxComputeRoles', 'DsgUserGroupGetOdpsRoleGroups', (w, o) => w.svc.listMaxComputeRoles(w.projectName, o)),
  read('listApiGatewayGroups', 'DescribeApiGroups', (w, o) => w.svc.listApiGatewayGroups({ pageNumber: 1, pageSize: 50 }, o)),
  {
    method: 'createBusinessProcess', action: 'CreateDataServiceGroup', kind: 'create',
    prepare: (_w, tag) => Promise.resolve({ name: `bp ${tag}` }),
    run: (w, fx, o) => w.svc.createBusinessProcess({ projectId: w.projectId, apiGatewayGroupId: w.gatewayGroupId, name: fx.name, description: 'fault row' }, o),
    count: (d, fx) => bpNamed(d, fx.name),
  },
  {
    method: 'saveUserGroups', action: 'DsgUserGroupAddOrUpdate', kind: 'create',
    prepare: (_w, tag) => Promise.resolve({ name: `ug_${tag}` }),
    run: (w, fx, o) => w.svc.saveUserGroups([{ name: fx.name, owner: w.owner, type: 1, accounts: [] }], o),
    count: (d, fx) => groupsNamed(d, fx.name),
  },
  {
    method: 'saveUserGroups', action: 'DsgUserGroupAddOrUpdate', kind: 'update',
    prepare: async (w, tag) => {
      const name = `upd_${tag}`;
      await w.svc.saveUserGroups([{ name, owner: w.owner, type: 1, accounts: [] }]);
      return { name: `${name}_v2`, id: groupId(w.emu.snapshot(), name) };
    },
    run: (w, fx, o) => w.svc.saveUserGroups([{ id: fx.id, name: fx.name, owner: w.owner, type: 1, accounts: ['user:alice'] }], o),
    // Exactly one group carries the new name and it is the fixture's group: applied once, nothing duplicated.
    count: (d, fx) => d.userGroups.filter((g) => g.name === fx.name && g.id === fx.id && g.accounts.join() === 'user:alice').length,
  },
  {
    method: 'deleteUserGroups', action: 'DsgUserGroupDelete', kind: 'delete',
    prepare: async (w, tag) => {
      const name = `del_${tag}`;
      await w.svc.saveUserGroups([{ name, owner: w.owner, type: 1, accounts: [] }]);
      return { name, id: groupId(w.emu.snapshot(), name) };
    },
    run: (w, fx, o) => w.svc.deleteUserGroups([fx.id ?? 0], o),
    // 1 while the group still exists; the asked-for state is 0.
    count: (d, fx) => d.userGroups.filter((g) => g.id === fx.id).length,
  },
];

function read(method: Op['method'], action: string, run: (w: World, o: CallOptions) => Promise<unknown>): Op {
  return { method, action, kind: 'read', prepare: () => Promise.resolve({ name: '' }), run: (w, _fx, o) => run(w, o) };
}

/** What a row must end in. `attempts` is what the emulator counted for the faulted action. */
type Expected =
  | { readonly ok: true; readonly attempts: number | readonly [number, number]; readonly minMs?: number }
  | {
    readonly ok: false;
    readonly kinds: readonly DataWorksErrorKind[];
    readonly retryable?: boolean;
    readonly verdicts?: readonly (CreateVerdict | undefined)[];
    readonly attempts: number | readonly [number, number];
  };

interface Fault {
  readonly id: string;
  readonly config: FaultConfig;
  readonly deadlineMs: number;
  /** Time for requests the client gave up on to finish on the server before the state is judged. */
  readonly settleMs?: number;
  /** Cancel the call after this long. */
  readonly abortAfterMs?: number;
  expect(kind: OpKind): Expected;
}

const RETRIES = 3;
const ALL = RETRIES + 1;

const FAULTS: readonly Fault[] = [
  {
    id: 'throttling burst (2 × 429)', config: { throttleNext: 2, throttleCode: 'Throttling.User' }, deadlineMs: 5000,
    // A throttled request was rejected before execution, so even a create may be resent.
    expect: () => ({ ok: true, attempts: 3 }),
  },
  {
    id: 'throttling storm (every request 429)', config: { throttleRate: 1, throttleCode: 'Throttling.Api' }, deadlineMs: 5000,
    expect: (k) => ({ ok: false, kinds: ['throttled'], retryable: true, attempts: ALL, ...(k === 'create' ? { verdicts: [undefined, 'not-created'] } : {}) }),
  },
  {
    id: '5xx burst (2 × 500)', config: { serverErrorNext: 2 }, deadlineMs: 5000,
    expect: (k) => (k === 'create'
      ? { ok: false, kinds: ['api'], retryable: true, verdicts: ['not-created'], attempts: 1 }
      : { ok: true, attempts: 3 }),
  },
  {
    id: '5xx storm (every request 500)', config: { serverErrorRate: 1 }, deadlineMs: 5000,
    expect: (k) => (k === 'create'
      ? { ok: false, kinds: ['api'], retryable: true, verdicts: ['not-created'], attempts: 1 }
      : { ok: false, kinds: ['api'], retryable: true, attempts: ALL }),
  },
  {
    id: 'connection drops (2 × reset)', config: { dropNext: 2 }, deadlineMs: 5000,
    // A reset after sending is ambiguous for a create: looked up, not resent. Elsewhere it is retried.
    expect: (k) => (k === 'create'
      ? { ok: false, kinds: ['network'], retryable: true, verdicts: ['not-created', 'unknown'], attempts: 1 }
      : { ok: true, attempts: 3 }),
  },
  {
    id: 'connection drop storm', config: { dropRate: 1 }, deadlineMs: 5000,
    expect: (k) => (k === 'create'
      ? { ok: false, kinds: ['network'], retryable: true, verdicts: ['not-created', 'unknown'], attempts: 1 }
      : { ok: false, kinds: ['network'], retryable: true, attempts: ALL }),
  },
  {
    id: 'latency 200 ms', config: { latencyMs: 200 }, deadlineMs: 5000,
    expect: () => ({ ok: true, attempts: 1, minMs: 200 }),
  },
  {
    id: 'latency past the deadline (1.2 s vs 500 ms)', config: { latencyMs: 1200 }, deadlineMs: 500, settleMs: 1400,
    expect: (k) => ({
      ok: false, kinds: ['timeout'], retryable: true, attempts: [1, ALL],
      // The create is still running on the server when the lookup runs: only "unknown" is honest.
      ...(k === 'create' ? { verdicts: ['unknown'] } : {}),
    }),
  },
  {
    id: 'timeout after the write was applied', config: { timeoutAfterWriteNext: 1 }, deadlineMs: 3000,
    expect: (k) => {
      if (k === 'create') return { ok: true, attempts: 1 };
      // The hung attempt is abandoned at the attempt timeout and the call retried (reads, updates, deletes).
      return { ok: true, attempts: 2 };
    },
  },
  {
    id: 'cancelled in flight', config: { latencyMs: 1200 }, deadlineMs: 5000, abortAfterMs: 100, settleMs: 1400,
    expect: (k) => ({ ok: false, kinds: ['cancelled'], attempts: 1, ...(k === 'create' ? { verdicts: ['unknown'] } : {}) }),
  },
];

/** Slack on top of a deadline: timers, the lookup after an ambiguous create (unfaulted, local). */
const SLACK_MS = 700;
/** The service's per-attempt cap used by these rows, so that a hung attempt is retried well within the deadline. */
const ATTEMPT_TIMEOUT_MS = 600;

interface Row {
  readonly op: string;
  readonly fault: string;
  readonly outcome: string;
  readonly attempts: number;
  readonly injected: number;
  readonly ms: number;
}

const rows: Row[] = [];

/** How many requests actually received the fault, from what the emulator has left of its counters. */
function injectedCount(fault: Fault, attempts: number, left: FaultConfig): number {
  const c = fault.config;
  const used = (n: number | undefined, l: number | undefined): number => (n ?? 0) - (l ?? 0);
  if (c.throttleNext !== undefined) return used(c.throttleNext, left.throttleNext);
  if (c.serverErrorNext !== undefined) return used(c.serverErrorNext, left.serverErrorNext);
  if (c.dropNext !== undefined) return used(c.dropNext, left.dropNext);
  if (c.timeoutAfterWriteNext !== undefined) return used(c.timeoutAfterWriteNext, left.timeoutAfterWriteNext);
  // Rates of 1 and latency apply to every request of the action.
  return attempts;
}

function within(n: number, want: number | readonly [number, number]): boolean {
  return typeof want === 'number' ? n === want : n >= want[0] && n <= want[1];
}

describe('reliability: fault injection through the real service and transport', function () {
  let emu: RunningEmulator;
  let world: World;
  let seq = 0;

  before(async () => {
    emu = await startEmulator({ seed: 'demo' });
    const svc = serviceFor(emu, { attemptTimeoutMs: ATTEMPT_TIMEOUT_MS });
    world = { svc, emu, ...seedFacts(emu, REGION) };
  });

  after(async () => {
    printSummary();
    await emu?.close();
  });

  beforeEach(() => {
    emu.clearFaults();
    emu.resetCounts();
  });

  for (const fault of FAULTS) {
    describe(fault.id, () => {
      for (const op of OPS) {
        const label = `${op.method}${op.kind === 'read' ? '' : ` (${op.kind})`}`;
        it(label, async () => {
          const tag = `${Date.now().toString(36)}_${++seq}`;
          const fx = await op.prepare(world, tag);
          const groupsBefore = emu.snapshot().userGroups.length;
          emu.resetCounts();
          emu.setFaults({ ...fault.config, actions: [op.action] });

          const ctl = new AbortController();
          const timer = fault.abortAfterMs === undefined ? undefined : setTimeout(() => ctl.abort(), fault.abortAfterMs);
          const t0 = performance.now();
          const outcome = await settle(op.run(world, fx, { deadlineMs: fault.deadlineMs, signal: ctl.signal }));
          const ms = performance.now() - t0;
          clearTimeout(timer);

          const attempts = emu.counts()[op.action] ?? 0;
          const injected = injectedCount(fault, attempts, await remainingFaults(emu));
          emu.clearFaults();
          const want = fault.expect(op.kind);
          rows.push({ op: label, fault: fault.id, outcome: describeOutcome(outcome), attempts, injected, ms: Math.round(ms) });

          // Ends within its deadline (or promptly after cancellation).
          const bound = (fault.abortAfterMs ?? fault.deadlineMs) + SLACK_MS;
          assert.ok(ms <= bound, `${label} took ${Math.round(ms)} ms, bound ${bound} ms`);
          assert.ok(injected >= 1, 'the fault was injected at least once');

          if (want.ok) {
            assert.ok(outcome.ok, `expected success, got ${describeOutcome(outcome)}`);
            if (want.minMs !== undefined) assert.ok(ms >= want.minMs - 5, `latency observed (${Math.round(ms)} ms)`);
          } else {
            assert.ok(!outcome.ok, 'expected a failure');
            const e = outcome.error;
            assert.ok(e instanceof DataWorksError, `a DataWorksError, got ${String(e)}`);
            assert.ok(want.kinds.includes(e.kind), `kind ${e.kind}, expected ${want.kinds.join('|')} (${e.code})`);
            if (want.retryable !== undefined) assert.equal(e.retryable, want.retryable, `retryable (${e.code})`);
            if (want.verdicts) assert.ok(want.verdicts.includes(e.createVerdict), `verdict ${String(e.createVerdict)}`);
          }
          assert.ok(within(attempts, want.attempts), `${op.action} attempts: ${attempts}, expected ${JSON.stringify(want.attempts)}`);

          if (op.count) await checkState(op, fx, fault, outcome, groupsBefore);
        });
      }
    });
  }

  async function checkState(op: Op, fx: Fixture, fault: Fault, outcome: Awaited<ReturnType<typeof settle>>, groupsBefore: number): Promise<void> {
    const count = op.count;
    assert.ok(count);
    // Requests the client abandoned still run on the server; judge the state once they have.
    if (fault.settleMs) await sleep(fault.settleMs);
    const n = count(emu.snapshot(), fx);
    if (op.kind === 'create') {
      assert.ok(n <= 1, `never duplicated: ${n} objects named ${fx.name}`);
      if (outcome.ok) assert.equal(n, 1, 'a successful create left exactly one object');
      else {
        const e = outcome.error;
        assert.ok(e instanceof DataWorksError);
        if (e.createVerdict === 'not-created') assert.equal(n, 0, '"not-created" must be true once the server is done');
      }
      return;
    }
    if (op.kind === 'update') {
      if (outcome.ok) assert.equal(n, 1, 'update applied exactly once');
      // Repeating the update (what the form's Retry does) converges, whatever the first call did.
      const again = await settle(op.run(world, fx, { deadlineMs: 5000 }));
      assert.ok(again.ok, `repeating the update succeeds (${describeOutcome(again)})`);
      assert.equal(count(emu.snapshot(), fx), 1, 'one group with the new state after the repeat');
      assert.equal(emu.snapshot().userGroups.length, groupsBefore, 'an update never adds groups');
      return;
    }
    // delete
    if (outcome.ok) assert.equal(n, 0, 'deleted');
    const again = await settle(op.run(world, fx, { deadlineMs: 5000 }));
    if (!again.ok) {
      // Already gone: the server says so with USERGROUP.ID.ERROR, which the form reports as "no such group".
      assert.ok(again.error instanceof DataWorksError && again.error.code.toUpperCase() === 'USERGROUP.ID.ERROR', describeOutcome(again));
    }
    assert.equal(count(emu.snapshot(), fx), 0, 'gone after the repeat');
  }

  function printSummary(): void {
    if (rows.length === 0) return;
    const injected = rows.reduce((a, r) => a + r.injected, 0);
    const requests = rows.reduce((a, r) => a + r.attempts, 0);
    const okRows = rows.filter((r) => r.outcome === 'ok').length;
    console.log('\n  fault table (op × fault → outcome, attempts seen by the emulator, faults injected, ms):');
    for (const r of rows) {
      console.log(`    ${r.fault.padEnd(44)} ${r.op.padEnd(32)} ${r.outcome.padEnd(40)} ${String(r.attempts).padStart(2)} req ${String(r.injected).padStart(2)} inj ${String(r.ms).padStart(5)} ms`);
    }
    console.log(`  fault summary: ${rows.length} rows, ${injected} faults injected over ${requests} faulted-action requests; ${okRows} rows succeeded, ${rows.length - okRows} failed as specified`);
  }
});

function describeOutcome(o: Awaited<ReturnType<typeof settle>>): string {
  if (o.ok) return 'ok';
  const e = o.error;
  if (!(e instanceof DataWorksError)) return `threw ${String(e)}`;
  return `${e.kind} ${e.code}${e.createVerdict ? ` verdict=${e.createVerdict}` : ''}${e.retryable ? ' retryable' : ''}`;
}
