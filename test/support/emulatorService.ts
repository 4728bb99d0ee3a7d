// A real service (real transport, real signing) aimed at an emulator, for the API and reliability suites.

import {
  createDataWorksService, type DataWorksService, type ServiceConfig, type ServiceDeps,
} from '../../src/api';
import { DEMO_CREDENTIALS, type RunningEmulator } from '../emulator';

/** Backoff in milliseconds, not seconds, so retry tests and a fault table of ~100 rows run in seconds. */
export const FAST_DEPS: ServiceDeps = { backoff: { baseMs: 5, throttleBaseMs: 5, capMs: 20 } };

export function serviceFor(emu: RunningEmulator, over: Partial<ServiceConfig> = {}, deps: ServiceDeps = FAST_DEPS): DataWorksService {
  return createDataWorksService({
    region: 'cn-shanghai',
    credentials: DEMO_CREDENTIALS,
    endpoint: { host: emu.endpoint, protocol: 'http' },
    userAgent: 'vscode-dataworks/test',
    // Our own limiter is not under test here (paging 10,000 groups must not wait on it); the emulator is.
    requestsPerSecond: 10_000,
    timeoutMs: 10_000,
    ...over,
  }, deps);
}
