import { type Clock, realClock, sleepUnlessAborted } from './clock';

export const DEFAULT_REQUESTS_PER_SECOND = 4;

export interface RateLimiter {
  /** Waits for a slot; rejects with the signal's reason if aborted while waiting (the slot is given back). */
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * Token bucket with reservations: a caller takes a token now even if that drives the balance negative, then waits
 * until the balance would have been refilled. Callers are served in arrival order without a queue.
 */
export class TokenBucket implements RateLimiter {
  private tokens: number;
  private last: number;
  private rate: number;

  constructor(requestsPerSecond: number, private readonly clock: Clock = realClock) {
    this.rate = Math.max(requestsPerSecond, 0.001);
    this.tokens = this.capacity;
    this.last = clock.now();
  }

  private get capacity(): number {
    return Math.max(1, this.rate);
  }

  setRate(requestsPerSecond: number): void {
    this.refill();
    this.rate = Math.max(requestsPerSecond, 0.001);
    this.tokens = Math.min(this.tokens, this.capacity);
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.refill();
    this.tokens -= 1;
    if (this.tokens >= 0) return;
    const waitMs = Math.ceil((-this.tokens / this.rate) * 1000);
    try {
      await sleepUnlessAborted(this.clock, waitMs, signal);
    } catch (e) {
      this.tokens += 1;
      throw e;
    }
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.rate);
  }
}

// DataWorks counts quota per account and region, so every service of the same account and region in this
// process must draw from one bucket.
const registry = new Map<string, TokenBucket>();

export function sharedRateLimiter(region: string, accessKeyId: string, requestsPerSecond: number | undefined): RateLimiter {
  // A zero, negative or missing setting would stall every call; fall back to the default instead.
  const rps = requestsPerSecond !== undefined && requestsPerSecond > 0 ? requestsPerSecond : DEFAULT_REQUESTS_PER_SECOND;
  const key = `${region}\u0000${accessKeyId}`;
  const existing = registry.get(key);
  if (existing) {
    existing.setRate(rps);
    return existing;
  }
  const bucket = new TokenBucket(rps);
  registry.set(key, bucket);
  return bucket;
}

/** Tests only: forget all shared buckets. */
export function resetSharedRateLimiters(): void {
  registry.clear();
}
