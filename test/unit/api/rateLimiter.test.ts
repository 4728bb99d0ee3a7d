import * as assert from 'node:assert/strict';
import * as b from './bodies';
import { FakeTransport, ok, TEST_CONFIG } from './fakes';
import { createDataWorksService } from '../../../src/api';
import type { Clock } from '../../../src/api/clock';
import { resetSharedRateLimiters, sharedRateLimiter, TokenBucket } from '../../../src/api/rateLimiter';

function fakeClock(): Clock & { waits: number[] } {
  let t = 0;
  const waits: number[] = [];
  return { waits, now: () => t, sleep: (ms) => { waits.push(ms); t += ms; return Promise.resolve(); } };
}

describe('api: rate limiter', () => {
  afterEach(() => resetSharedRateLimiters());

  it('lets a burst of `rate` through, then spaces requests 1/rate apart', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(4, clock);
    for (let i = 0; i < 4; i++) await bucket.acquire();
    assert.deepEqual(clock.waits, []);
    await bucket.acquire();
    await bucket.acquire();
    assert.deepEqual(clock.waits, [250, 250]);
  });

  it('refills with time', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(2, clock);
    await bucket.acquire();
    await bucket.acquire();
    await clock.sleep(1000);
    clock.waits.length = 0;
    await bucket.acquire();
    await bucket.acquire();
    assert.deepEqual(clock.waits, []);
  });

  it('is shared per region and AccessKey ID', () => {
    const a = sharedRateLimiter('cn-shanghai', 'AK1', undefined);
    assert.equal(sharedRateLimiter('cn-shanghai', 'AK1', 4), a);
    assert.notEqual(sharedRateLimiter('cn-hangzhou', 'AK1', 4), a);
    assert.notEqual(sharedRateLimiter('cn-shanghai', 'AK2', 4), a);
  });

  it('two services of the same account and region draw from one bucket (real time, 20 rps)', async () => {
    const fake = new FakeTransport();
    fake.fallback = ok(b.userList);
    const deps = { loadTransport: () => Promise.resolve({ createTransport: () => fake }) };
    const config = { ...TEST_CONFIG, requestsPerSecond: 20 };
    const s1 = createDataWorksService(config, deps);
    const s2 = createDataWorksService(config, deps);
    const started = Date.now();
    await Promise.all([...Array(15).keys()].map((i) => (i % 2 ? s1 : s2).listTenantUsers()));
    // The first 15 fit in the burst of 20; of the next 15, 10 wait for refills at 20 per second.
    const burstOnly = Date.now() - started;
    await Promise.all([...Array(15).keys()].map((i) => (i % 2 ? s1 : s2).listTenantUsers()));
    const elapsed = Date.now() - started;
    assert.ok(burstOnly < 200, `burst took ${burstOnly} ms`);
    assert.ok(elapsed >= 400, `30 requests at 20 rps with a burst of 20 took only ${elapsed} ms`);
    assert.equal(fake.requests.length, 30);
  });
});

describe('api: rate limiter settings', () => {
  afterEach(() => resetSharedRateLimiters());
  it('a zero or negative rate falls back to the default instead of stalling', async () => {
    const started = Date.now();
    const bucket = sharedRateLimiter('cn-beijing', 'AKX', 0);
    for (let i = 0; i < 4; i++) await bucket.acquire();
    assert.ok(Date.now() - started < 100);
  });
});
