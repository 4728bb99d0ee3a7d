// Fault injection. "Next N" counters are consumed in a fixed order (drop, throttle, server error) so a test can
// predict exactly which request gets which fault; rates draw from an injectable random source.
import { z } from 'zod';
import type { ThrottleCode } from './errors';

export const faultConfigSchema = z.strictObject({
  throttleRate: z.number().min(0).max(1).optional(),
  throttleNext: z.number().int().min(0).optional(),
  throttleCode: z.enum(['Throttling.Api', 'Throttling.User', 'Throttling.System']).optional(),
  serverErrorRate: z.number().min(0).max(1).optional(),
  serverErrorNext: z.number().int().min(0).optional(),
  latencyMs: z.number().min(0).max(600_000).optional(),
  dropNext: z.number().int().min(0).optional(),
  dropRate: z.number().min(0).max(1).optional(),
  timeoutAfterWriteNext: z.number().int().min(0).optional(),
  passNext: z.number().int().min(0).optional(),
  dsgUnknownErrorNext: z.number().int().min(0).optional(),
  actions: z.array(z.string()).optional(),
});

export interface FaultConfig {
  /** 0..1 share of requests answered 429 (before executing). */
  throttleRate?: number;
  /** The next N requests answered 429. */
  throttleNext?: number;
  /** Default Throttling.User. */
  throttleCode?: ThrottleCode;
  /** 0..1 share answered 500 InternalError.System (not executed). */
  serverErrorRate?: number;
  serverErrorNext?: number;
  /** Added before answering. */
  latencyMs?: number;
  /** Destroy the socket without answering (not executed). */
  dropNext?: number;
  dropRate?: number;
  /** Execute the request (apply the write), then never answer; the socket is destroyed after 120 s. */
  timeoutAfterWriteNext?: number;
  /**
   * The next N matching requests get no fault but `latencyMs` (rates and "next" counters wait): a test can let the first
   * write of an apply through and fault the second.
   */
  passNext?: number;
  /** Emulator extra: the next N Dsg* requests answer the DSG UNKNOWN.ERROR (500, not executed). */
  dsgUnknownErrorNext?: number;
  /** If set, faults only apply to these actions. */
  actions?: string[];
}

export type PreFault = { kind: 'pass' } | { kind: 'drop' } | { kind: 'throttle'; code: ThrottleCode } | { kind: 'serverError' } | { kind: 'dsgUnknown' };

export class FaultState {
  private cfg: FaultConfig = {};

  constructor(
    initial: FaultConfig | undefined,
    private readonly random: () => number = Math.random,
  ) {
    this.set(initial ?? {});
  }

  set(f: FaultConfig): void {
    this.cfg = structuredClone(faultConfigSchema.parse(f));
  }

  clear(): void {
    this.cfg = {};
  }

  /** What is left of the configuration (the "next" counters go down as they are used). */
  get current(): FaultConfig {
    return structuredClone(this.cfg);
  }

  private applies(action: string): boolean {
    return this.cfg.actions === undefined || this.cfg.actions.includes(action);
  }

  latencyFor(action: string): number {
    return this.applies(action) ? (this.cfg.latencyMs ?? 0) : 0;
  }

  private takeNext(key: 'passNext' | 'dropNext' | 'throttleNext' | 'serverErrorNext' | 'timeoutAfterWriteNext' | 'dsgUnknownErrorNext'): boolean {
    const n = this.cfg[key] ?? 0;
    if (n <= 0) return false;
    this.cfg[key] = n - 1;
    return true;
  }

  private roll(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.random() < rate;
  }

  /**
   * Decides a fault that replaces execution, consuming a counter if one fires. `pass`: this request is one of
   * `passNext`, so holdAfterExecute must not be asked for it either.
   */
  beforeExecute(action: string, isDsg: boolean): PreFault | undefined {
    if (!this.applies(action)) return undefined;
    if (this.takeNext('passNext')) return { kind: 'pass' };
    if (this.takeNext('dropNext') || this.roll(this.cfg.dropRate)) return { kind: 'drop' };
    if (this.takeNext('throttleNext') || this.roll(this.cfg.throttleRate)) {
      return { kind: 'throttle', code: this.cfg.throttleCode ?? 'Throttling.User' };
    }
    if (this.takeNext('serverErrorNext') || this.roll(this.cfg.serverErrorRate)) return { kind: 'serverError' };
    if (isDsg && this.takeNext('dsgUnknownErrorNext')) return { kind: 'dsgUnknown' };
    return undefined;
  }

  holdAfterExecute(action: string): boolean {
    return this.applies(action) && this.takeNext('timeoutAfterWriteNext');
  }
}
