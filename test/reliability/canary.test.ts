// Secret canaries at the API level: known fake secrets (an AccessKey secret, an STS secret and token, a proxy
// password) go in as credentials, every method runs against the emulator under every failure we can provoke, and
// no canary may come back out: not in any DataWorksError (message, user messages in both languages, JSON, stack,
// util.inspect with its cause chain), not in any result, not in any line the API logger was given, and not in
// anything thrown or rejected elsewhere in the process.

import * as assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';
import { inspect } from 'node:util';
import { type ApiLogger, DataWorksError, type DataWorksService, type ServiceConfig } from '../../src/api';
import { DEMO_STS_CREDENTIALS, type FaultConfig, type RunningEmulator, startEmulator } from '../emulator';
import { assertNoSecretRun } from '../support/secretRuns';
import { startLoopbackProxy, type LoopbackProxy } from './loopbackProxy';
import {
  AK_ID, AK_SECRET, callEveryMethod, type MethodCall, PROXY_PASSWORD, type SeedFacts, seedFacts, serviceFor, WRONG_SECRET, WRONG_TOKEN,
} from './support';

const CANARIES = [
  AK_SECRET, WRONG_SECRET, WRONG_TOKEN, PROXY_PASSWORD,
  DEMO_STS_CREDENTIALS.accessKeySecret, DEMO_STS_CREDENTIALS.securityToken,
] as const;
/**
 * Checked for every 8-character run, not only whole: a part of a secret is a leak too. The emulator's own STS pair is
 * made of words ("dataworks", "security") that ordinary text contains, so it is checked whole only.
 */
const PARTIAL_CANARIES = [AK_SECRET, WRONG_SECRET, WRONG_TOKEN, PROXY_PASSWORD];

interface Scenario {
  readonly name: string;
  readonly config: (ctx: Ctx) => Partial<ServiceConfig>;
  readonly faults?: FaultConfig;
}

interface Ctx {
  readonly emu: RunningEmulator;
  readonly closedPort: number;
  readonly proxy: LoopbackProxy;
}

const sts = { accessKeyId: DEMO_STS_CREDENTIALS.accessKeyId, accessKeySecret: DEMO_STS_CREDENTIALS.accessKeySecret, securityToken: DEMO_STS_CREDENTIALS.securityToken };

const SCENARIOS: readonly Scenario[] = [
  { name: 'AccessKey, no faults', config: () => ({}) },
  { name: 'STS, no faults', config: () => ({ credentials: sts }) },
  // The server echoes its string-to-sign in SignatureDoesNotMatch; the wrong secret must not surface either.
  { name: 'wrong secret (SignatureDoesNotMatch)', config: () => ({ credentials: { accessKeyId: AK_ID, accessKeySecret: WRONG_SECRET } }) },
  { name: 'wrong STS secret', config: () => ({ credentials: { ...sts, accessKeySecret: WRONG_SECRET } }) },
  { name: 'wrong STS token (InvalidSecurityToken)', config: () => ({ credentials: { ...sts, securityToken: WRONG_TOKEN } }) },
  { name: 'connection refused (URL in the message)', config: (c) => ({ endpoint: { host: `127.0.0.1:${c.closedPort}`, protocol: 'http' } }) },
  { name: 'connection refused, STS', config: (c) => ({ credentials: sts, endpoint: { host: `127.0.0.1:${c.closedPort}`, protocol: 'http' } }) },
  { name: 'timeouts (latency past the deadline)', config: () => ({ timeoutMs: 300 }), faults: { latencyMs: 1000 } },
  { name: 'hung after the write (recovered creates)', config: () => ({ timeoutMs: 400, attemptTimeoutMs: 200 }), faults: { timeoutAfterWriteNext: 2, actions: ['CreateDataServiceGroup', 'DsgUserGroupAddOrUpdate'] } },
  { name: '5xx storm (create verdicts)', config: () => ({}), faults: { serverErrorRate: 1 } },
  { name: 'connection drops', config: () => ({ credentials: sts }), faults: { dropRate: 1 } },
  { name: 'throttling storm', config: () => ({}), faults: { throttleRate: 1 } },
  { name: 'through a proxy with a password', config: (c) => ({ proxy: `http://u:${PROXY_PASSWORD}@127.0.0.1:${c.proxy.port}` }) },
  { name: 'through a proxy, wrong secret', config: (c) => ({ proxy: `http://u:${PROXY_PASSWORD}@127.0.0.1:${c.proxy.port}`, credentials: { accessKeyId: AK_ID, accessKeySecret: WRONG_SECRET } }) },
  { name: 'proxy refuses the password (407)', config: (c) => ({ proxy: `http://u:${PROXY_PASSWORD}x@127.0.0.1:${c.proxy.port}` }) },
];

const totals = { scenarios: 0, calls: 0, failures: 0, artifacts: 0, checks: 0, logLines: 0 };

describe('reliability: secret canaries never leave the API layer', function () {
  let emu: RunningEmulator;
  let facts: SeedFacts;
  let proxy: LoopbackProxy;
  let closedPort = 0;
  const stray: string[] = [];
  const onStray = (e: unknown): void => void stray.push(inspect(e, { depth: 8 }));

  before(async () => {
    emu = await startEmulator({ seed: 'demo', accessKeyId: AK_ID, accessKeySecret: AK_SECRET });
    facts = seedFacts(emu);
    proxy = await startLoopbackProxy({ auth: { user: 'u', password: PROXY_PASSWORD } });
    // A port that was free a moment ago: connecting to it is refused.
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    process.on('unhandledRejection', onStray);
    process.on('uncaughtException', onStray);
  });
  after(async () => {
    process.off('unhandledRejection', onStray);
    process.off('uncaughtException', onStray);
    console.log(`  canary summary: ${totals.scenarios} scenarios, ${totals.calls} calls (${totals.failures} failed as provoked), ${totals.logLines} log lines; ${totals.artifacts} artifacts × ${CANARIES.length} canaries = ${totals.checks} checks, 0 leaks`);
    await proxy?.close();
    await emu?.close();
  });

  for (const sc of SCENARIOS) {
    it(sc.name, async function () {
      emu.clearFaults();
      if (sc.faults) emu.setFaults(sc.faults);
      const lines: string[] = [];
      const logger: ApiLogger = {
        debug: (m) => lines.push(`debug ${m}`), info: (m) => lines.push(`info ${m}`),
        warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`),
      };
      const svc: DataWorksService = serviceFor(emu, {
        credentials: { accessKeyId: AK_ID, accessKeySecret: AK_SECRET }, logger, ...sc.config({ emu, closedPort, proxy }),
      });
      const calls = await callEveryMethod(svc, facts, `c${totals.scenarios}_${Date.now().toString(36)}`);
      emu.clearFaults();

      const artifacts = [...calls.flatMap(artifactsOf), ...lines];
      totals.scenarios++;
      totals.calls += calls.length;
      totals.failures += calls.filter((c) => !c.outcome.ok).length;
      totals.logLines += lines.length;
      totals.artifacts += artifacts.length;
      for (const text of artifacts) {
        for (const canary of CANARIES) {
          totals.checks++;
          assert.ok(!text.includes(canary), `canary ${canary.slice(0, 12)}… leaked in: ${text.slice(0, 300)}`);
        }
      }
      assertNoSecretRun(artifacts, PARTIAL_CANARIES, `an artifact of "${sc.name}"`);
      assert.deepEqual(stray, [], 'nothing thrown or rejected outside the calls');

      // The scenario did provoke what it names (a test that cannot fail is a defect).
      const errors = calls.flatMap((c) => (c.outcome.ok ? [] : [c.outcome.error]));
      assert.ok(errors.every((e) => e instanceof DataWorksError), 'every failure is a DataWorksError');
      if (/wrong secret|wrong STS secret/.test(sc.name)) {
        assert.ok(errors.some((e) => e instanceof DataWorksError && e.code === 'SignatureDoesNotMatch'), 'SignatureDoesNotMatch seen');
      }
      if (/wrong STS token/.test(sc.name)) assert.ok(errors.some((e) => e instanceof DataWorksError && e.code.startsWith('InvalidSecurityToken')));
      if (/refused/.test(sc.name)) assert.ok(errors.some((e) => e instanceof DataWorksError && /127\.0\.0\.1/.test(e.message)), 'the URL is in the message, only the secrets are not');
      if (/no faults|proxy with a password$/.test(sc.name)) assert.deepEqual(errors.map(String), []);
      if (/verdicts/.test(sc.name)) assert.ok(errors.some((e) => e instanceof DataWorksError && e.createVerdict !== undefined), 'a create verdict was produced');
      if (/recovered creates/.test(sc.name)) {
        assert.ok(calls.some((c) => c.outcome.ok && typeof c.outcome.value === 'object' && c.outcome.value !== null && 'recovered' in c.outcome.value && c.outcome.value.recovered === true), 'a create was recovered by lookup');
      }
      if (/407/.test(sc.name)) assert.ok(errors.some((e) => e instanceof DataWorksError && e.httpStatus === 407));
    });
  }

  it('the wrong-secret message really carries the server text, minus the string to sign', async () => {
    const svc = serviceFor(emu, { credentials: { accessKeyId: AK_ID, accessKeySecret: WRONG_SECRET } });
    const r = await callEveryMethod(svc, facts, 'sig');
    const e = r[0]?.outcome;
    assert.ok(e && !e.ok && e.error instanceof DataWorksError);
    assert.match(e.error.message, /Specified signature does not match our calculation/);
    assert.doesNotMatch(e.error.message, /ACS3-HMAC-SHA256\n|x-acs-signature-nonce/);
  });
});

/** Every text a caller could ever show, log or persist from one call's outcome. */
function artifactsOf(c: MethodCall): string[] {
  if (c.outcome.ok) return [JSON.stringify(c.outcome.value) ?? ''];
  const e = c.outcome.error;
  const out = [String(e), inspect(e, { depth: 10, showHidden: true })];
  if (e instanceof Error) out.push(e.message, e.stack ?? '');
  if (e instanceof DataWorksError) {
    out.push(e.userMessage('en'), e.userMessage('zh-cn'), JSON.stringify(e), e.withVerdict('unknown').userMessage('en'));
    let cause: unknown = e.cause;
    while (cause !== undefined && cause !== null) {
      out.push(inspect(cause, { depth: 10 }));
      cause = cause instanceof Error ? cause.cause : undefined;
    }
  }
  return out;
}
