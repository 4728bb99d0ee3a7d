// What Recent Operations remembers of one write: the input, the exact request (shared/requests.ts), how it ended.
// Plain data, kept in a JSON file that any version of the extension in any window may read: the file is parsed by
// shared/operationCodec.ts (zod, in dist/deferred.js), and nothing in it is ever a credential (the values sent are
// names, owners, accounts and IDs). This module stays free of packages: dist/core.js carries it.
import type { WriteRequest } from '../shared/requests';

import type { OperationEntry, OperationInput, OperationStatus, RecordedRequest } from '../shared/operationTypes';

export type * from '../shared/operationTypes';

export const asRecordedRequest = (r: WriteRequest): RecordedRequest => ({ ...r, query: r.query.map(([n, v]) => [n, v]), body: r.body.map(([n, v]) => [n, v]) });

export const FILE_FORMAT = 'dataworks.recentOperations';
export const FILE_VERSION = 1;

/** Running < unknown < an outcome: a merge never takes an entry back to an earlier state. */
function rank(s: OperationStatus): number {
  return s === 'running' ? 0 : s === 'unknown' ? 1 : 2;
}

/** The later of two versions of one entry: the further state, then the later update. */
export function newer(a: OperationEntry, b: OperationEntry): OperationEntry {
  const ra = rank(a.status);
  const rb = rank(b.status);
  if (ra !== rb) return ra > rb ? a : b;
  return b.updatedAt > a.updatedAt ? b : a;
}

/** `base` with `changes` merged in by entry id, newest first, at most `cap`. */
export function mergeEntries(base: readonly OperationEntry[], changes: readonly OperationEntry[], cap: number): OperationEntry[] {
  const byId = new Map<string, OperationEntry>();
  for (const e of [...base, ...changes]) {
    const known = byId.get(e.id);
    byId.set(e.id, known ? newer(known, e) : e);
  }
  return [...byId.values()].sort((a, b) => b.startedAt - a.startedAt || a.id.localeCompare(b.id)).slice(0, cap);
}

/** What the write concerned, in a few words of data (names or IDs), for the row's label and notifications. */
export function operationTarget(input: OperationInput): string {
  switch (input.action) {
    case 'createBusinessProcess':
      return input.name;
    case 'saveUserGroups':
      return input.groups.map((g) => g.name).join(', ');
    case 'deleteUserGroups':
      return input.ids.join(', ');
  }
}

/** Show Request: the request exactly as sent (only names, owners, accounts and IDs: never a credential) and its outcome. */
export function operationRequestDocument(e: OperationEntry, cli: string): string {
  return `${JSON.stringify({
    action: e.request.action,
    version: e.request.version,
    method: e.request.method,
    region: e.request.region,
    profile: e.profile,
    started: new Date(e.startedAt).toISOString(),
    outcome: e.status,
    requestId: e.requestId ?? null,
    ...(e.createdId ? { createdId: e.createdId } : {}),
    ...(e.error ? { error: e.error } : {}),
    query: Object.fromEntries(e.request.query),
    body: Object.fromEntries(e.request.body),
    aliyunCli: cli,
  }, null, 2)}\n`;
}
