// Shared by the reliability suites: a real service (real transport, real signing) aimed at the emulator, and
// helpers to capture failures and read the emulator's fault bookkeeping.

import * as assert from 'node:assert/strict';
import {
  createDataWorksService, DataWorksError, type DataWorksService, type ServiceConfig, type ServiceDeps,
} from '../../src/api';
import { DEMO_CREDENTIALS, type FaultConfig, type RunningEmulator } from '../emulator';

/** Backoff in milliseconds, not seconds, so a fault table of ~100 rows runs in seconds. */
export const FAST_DEPS: ServiceDeps = { backoff: { baseMs: 5, throttleBaseMs: 5, capMs: 20 } };

export function serviceFor(emu: RunningEmulator, over: Partial<ServiceConfig> = {}, deps: ServiceDeps = FAST_DEPS): DataWorksService {
  return createDataWorksService({
    region: 'cn-shanghai',
    credentials: DEMO_CREDENTIALS,
    endpoint: { host: emu.endpoint, protocol: 'http' },
    userAgent: 'vscode-dataworks/reliability',
    // Our own limiter is not under test here; the emulator's faults are.
    requestsPerSecond: 10_000,
    timeoutMs: 10_000,
    ...over,
  }, deps);
}

/** The settled outcome of a call, without letting a rejection escape. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export async function settle<T>(p: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}

export async function failure(p: Promise<unknown>): Promise<DataWorksError> {
  const o = await settle(p);
  assert.ok(!o.ok, 'expected the call to fail');
  assert.ok(o.error instanceof DataWorksError, `expected a DataWorksError, got ${String(o.error)}`);
  return o.error;
}

/** What is left of the emulator's fault config ("next N" counters count down as faults are injected). */
export async function remainingFaults(emu: RunningEmulator): Promise<FaultConfig> {
  const r = await fetch(`${emu.url}/__admin/faults`);
  return (await r.json()) as FaultConfig;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
