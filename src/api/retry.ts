// Our own retry policy: openapi-client 0.4.15 never retries, whatever its options say.

import type { DataWorksError } from './errors';
import type { SendState } from './transport';

export interface BackoffOptions {
  /** First retry ceiling for network errors and 5xx, ms. */
  readonly baseMs: number;
  /** First retry ceiling for throttling, ms: larger, the quota needs time to refill. */
  readonly throttleBaseMs: number;
  readonly capMs: number;
  readonly maxRetries: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 200, throttleBaseMs: 500, capMs: 10_000, maxRetries: 3 };

/**
 * - `read`: no side effects, resend freely.
 * - `idempotent-write`: updates and deletes, the same request twice leaves the same state.
 * - `create`: a second send may create a duplicate; only resend what provably never arrived or was refused.
 */
export type Safety = 'read' | 'idempotent-write' | 'create';

export type Decision = 'retry' | 'fail' | 'ambiguous';

export function decide(error: DataWorksError, safety: Safety, sendState: SendState): Decision {
  switch (error.kind) {
    case 'throttled':
      // A throttled request was rejected before processing: safe even for a create.
      return 'retry';
    case 'network':
    case 'timeout':
      if (safety !== 'create') return 'retry';
      return sendState === 'not-sent' ? 'retry' : 'ambiguous';
    case 'api':
      if (error.httpStatus === undefined || error.httpStatus < 500) return 'fail';
      return safety === 'create' ? 'ambiguous' : 'retry';
    default:
      return 'fail';
  }
}

/** Exponential backoff with full jitter; a server's Retry-After wins when present. */
export function backoffDelay(
  retryIndex: number, throttled: boolean, opts: BackoffOptions, random: () => number, retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return retryAfterMs;
  const base = throttled ? opts.throttleBaseMs : opts.baseMs;
  const ceiling = Math.min(opts.capMs, base * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
