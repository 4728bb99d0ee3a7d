import assert from 'node:assert/strict';
import { NAME_CHECK_FRESH_MS, RecentChecks } from '../../../src/forms/recentChecks';

/** A check that counts its calls and answers `value` (or fails) when resolved by the test. */
function countingCheck<V>(value: V) {
  let calls = 0;
  const pending: { resolve: (v: V) => void; reject: (e: Error) => void }[] = [];
  return {
    get calls() {
      return calls;
    },
    run: () => {
      calls++;
      return new Promise<V>((resolve, reject) => pending.push({ resolve, reject }));
    },
    settleAll: (fail = false) => {
      for (const p of pending.splice(0)) {
        if (fail) p.reject(new Error('Throttling.User'));
        else p.resolve(value);
      }
    },
  };
}

describe('RecentChecks: one name check serves leave-the-box, review and submit', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('shares a check in flight and reuses its verdict while fresh', async () => {
    const checks = new RecentChecks<boolean>(NAME_CHECK_FRESH_MS, clock);
    const c = countingCheck(true);
    const blur = checks.get('10001/sales', c.run);
    const review = checks.get('10001/sales', c.run);
    c.settleAll();
    assert.deepEqual(await Promise.all([blur, review]), [true, true]);
    now += NAME_CHECK_FRESH_MS - 1;
    assert.equal(await checks.get('10001/sales', c.run), true);
    assert.equal(c.calls, 1);
  });

  it('asks again once the verdict is as old as the limit, counted from the start of the check', async () => {
    const checks = new RecentChecks<boolean>(NAME_CHECK_FRESH_MS, clock);
    const c = countingCheck(false);
    const first = checks.get('n', c.run);
    now += 3_000; // a slow answer
    c.settleAll();
    await first;
    now += NAME_CHECK_FRESH_MS - 3_000;
    const second = checks.get('n', c.run);
    c.settleAll();
    await second;
    assert.equal(c.calls, 2);
  });

  it('keeps verdicts apart by key', async () => {
    const checks = new RecentChecks<boolean>(NAME_CHECK_FRESH_MS, clock);
    const c = countingCheck(true);
    const a = checks.get('10001/a', c.run);
    const b = checks.get('10002/a', c.run);
    c.settleAll();
    await Promise.all([a, b]);
    assert.equal(c.calls, 2);
  });

  it('does not keep a failed check', async () => {
    const checks = new RecentChecks<boolean>(NAME_CHECK_FRESH_MS, clock);
    const c = countingCheck(true);
    const failed = checks.get('n', c.run);
    c.settleAll(true);
    await assert.rejects(failed, /Throttling/);
    const again = checks.get('n', c.run);
    c.settleAll();
    assert.equal(await again, true);
    assert.equal(c.calls, 2);
  });

  it('forgets everything after a write', async () => {
    const checks = new RecentChecks<number | undefined>(NAME_CHECK_FRESH_MS, clock);
    const c = countingCheck<number | undefined>(undefined);
    const before = checks.get('group', c.run);
    c.settleAll();
    assert.equal(await before, undefined);
    checks.clear();
    const after = checks.get('group', c.run);
    c.settleAll();
    await after;
    assert.equal(c.calls, 2);
  });
});
