// The extension host is shared by every extension: no task of ours may hold its event loop for more than 50 ms
// (VS Code's own responsiveness budget for extensions). Measured while paging to the end of the `large` seed's
// 10,000 user groups through the real service, in a process of its own (eventLoopProbe.ts) so that neither the
// emulator nor other suites' leftovers are on the measured loop. The wall-clock delay is printed; the asserted
// figure discounts time the OS gave to other processes (see ProbeResult.worstBlockedMs).

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { ProbeResult } from './eventLoopProbe';

const BUDGET_MS = 50;

describe('reliability: event loop while paging 10,000 user groups', function () {
  it(`no task on the client's event loop longer than ${BUDGET_MS} ms`, function () {
    // Two fresh tsx processes and a 10,000-group seed: seconds on a loaded CI box, hence more than the default.
    this.timeout(45_000);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/reliability/eventLoopProbe.ts'], { encoding: 'utf8', timeout: 40_000 });
    assert.equal(r.status, 0, `probe failed: ${r.stderr}`);
    const last = r.stdout.trim().split('\n').pop() ?? '';
    const p = JSON.parse(last) as ProbeResult;
    console.log(`  paging: ${p.groups} groups in ${p.pages} pages, ${p.elapsedMs} ms (load average ${p.loadAverage.toFixed(1)}); longest task ${p.worstBlockedMs.toFixed(1)} ms of CPU; wall clock: event-loop delay max ${p.maxDelayMs.toFixed(1)} ms, p99 ${p.p99DelayMs.toFixed(1)} ms, timer drift ${p.worstDriftMs.toFixed(1)} ms; cold start incl. transport load ${p.coldBlockedMs.toFixed(1)} ms (not asserted)`);
    assert.ok(p.total >= 10_000, `total ${p.total}`);
    assert.equal(p.groups, p.total, 'every group exactly once');
    assert.ok(p.worstBlockedMs < BUDGET_MS, `longest task ${p.worstBlockedMs.toFixed(1)} ms`);
  });
});
