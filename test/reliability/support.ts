// Shared by the reliability suites: a real service aimed at the emulator (test/support/emulatorService.ts), and
// helpers to capture failures and read the emulator's fault bookkeeping.

import * as assert from 'node:assert/strict';
import { DataWorksError, type DataWorksService } from '../../src/api';
import type { FaultConfig, RunningEmulator } from '../emulator';

/** Canary credentials: long, distinctive, and shaped like real secrets (base62 runs), so that a redactor keyed on
 * shape is tested too. Used by canary.test.ts and looked for in the packaged extension by vsix.test.ts. */
export const AK_ID = 'LTAICANARYKEY0000000001';
export const AK_SECRET = 'cAnArY7secretQ9wXz4Lm2Np8Rt6Vb3Kd1Hf5Jg0';
export const WRONG_SECRET = 'cAnArY7wrongQ9wXz4Lm2Np8Rt6Vb3Kd1Hf5JgX';
// Random-looking, like the others: the canary checks every 8-character run, and a run such as "security" is in
// ordinary text (the x-acs-security-token header's name).
export const WRONG_TOKEN = 'CAIS-cAnArY8wR0nGt0kEn7f3e9a2bQz';
export const PROXY_PASSWORD = 'pRoXy-cAnArY-pass-5c1d8e';

export { FAST_DEPS, serviceFor } from '../support/emulatorService';

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

/** IDs and names from the demo seed that every method needs. */
export interface SeedFacts {
  readonly projectId: number;
  readonly projectName: string;
  readonly gatewayGroupId: string;
  readonly businessProcessId: string;
  readonly owner: string;
}

export function seedFacts(emu: RunningEmulator, region = 'cn-shanghai'): SeedFacts {
  const d = emu.snapshot();
  const r = d.regions[region];
  const ws = r?.workspaces.find((w) => r.businessProcesses.some((b) => b.projectId === w.projectId));
  const bp = r?.businessProcesses.find((b) => b.projectId === ws?.projectId);
  const gw = r?.apiGatewayGroups[0];
  const owner = d.tenantUsers.find((u) => u.accountType !== 6)?.accountName;
  const projectName = Object.keys(d.maxComputeRoles)[0];
  assert.ok(ws && bp && gw && owner && projectName, 'the demo seed has what the suites need');
  return { projectId: ws.projectId, projectName, gatewayGroupId: gw.groupId, businessProcessId: bp.groupId, owner };
}

export interface MethodCall {
  readonly method: string;
  readonly outcome: Outcome<unknown>;
}

/**
 * Calls every service method the extension uses once (writes included: create, update and delete of a user
 * group, create of a business process), in order, and returns each outcome. `tag` keeps names unique.
 */
export async function callEveryMethod(svc: DataWorksService, f: SeedFacts, tag: string): Promise<MethodCall[]> {
  const out: MethodCall[] = [];
  const call = async <T>(method: string, p: () => Promise<T>): Promise<Outcome<T>> => {
    const outcome = await settle(p());
    out.push({ method, outcome });
    return outcome;
  };
  await call('listWorkspaces', () => svc.listWorkspaces({ pageNumber: 1, pageSize: 100 }));
  await call('getWorkspace', () => svc.getWorkspace(f.projectId));
  await call('listBusinessProcesses', () => svc.listBusinessProcesses({ projectId: f.projectId, pageNumber: 1, pageSize: 100 }));
  await call('getBusinessProcess', () => svc.getBusinessProcess(f.projectId, f.businessProcessId));
  await call('createBusinessProcess', () => svc.createBusinessProcess({ projectId: f.projectId, apiGatewayGroupId: f.gatewayGroupId, name: `bp ${tag}`, description: 'x' }));
  await call('listTenantUsers', () => svc.listTenantUsers());
  await call('listMaxComputeRoles', () => svc.listMaxComputeRoles(f.projectName));
  const name = `ug_${tag}`.replace(/[^A-Za-z0-9_.-]/g, '_');
  await call('saveUserGroups (create)', () => svc.saveUserGroups([{ name, owner: f.owner, type: 1, accounts: [] }]));
  const listed = await call('listUserGroups', () => svc.listUserGroups({ pageNumber: 1, pageSize: 100, name }));
  const id = listed.ok ? listed.value.items.find((g) => g.name === name)?.id : undefined;
  // Without a listed id (the list failed) the update and delete still go out, aimed at an id that does not exist.
  await call('saveUserGroups (update)', () => svc.saveUserGroups([{ id: id ?? 987_654_321, name: `${name}_v2`, owner: f.owner, type: 1, accounts: [] }]));
  await call('deleteUserGroups', () => svc.deleteUserGroups([id ?? 987_654_321]));
  await call('listApiGatewayGroups', () => svc.listApiGatewayGroups({ pageNumber: 1, pageSize: 50 }));
  return out;
}

export const EVERY_METHOD_COUNT = 12;

export function failedCalls(calls: readonly MethodCall[]): string[] {
  return calls.filter((c) => !c.outcome.ok).map((c) => `${c.method}: ${c.outcome.ok ? '' : String(c.outcome.error)}`);
}
