// What Recent Operations remembers of one write: the input, the exact request (shared/requests.ts), how it ended.
// Plain data, kept in a JSON file that any version of the extension in any window may read: parsed with zod, and
// nothing in it is ever a credential (the values sent are names, owners, accounts and IDs).
import * as z from 'zod/mini';
import type { WriteRequest } from '../shared/requests';

export type OperationStatus = 'running' | 'succeeded' | 'failed' | 'unknown';
export type OperationAction = 'createBusinessProcess' | 'saveUserGroups' | 'deleteUserGroups';

const str = (max: number) => z.string().check(z.maxLength(max));
const TEXT = 8192;
const ID = () => z.int().check(z.nonnegative());

const groupSchema = z.strictObject({
  id: z.optional(ID()),
  name: str(TEXT),
  owner: str(TEXT),
  type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  accounts: z.array(str(1024)).check(z.maxLength(1000)),
  projectName: z.optional(str(TEXT)),
});
export type OperationGroup = z.infer<typeof groupSchema>;

const inputSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('createBusinessProcess'),
    projectId: ID(),
    apiGatewayGroupId: str(TEXT),
    name: str(TEXT),
    description: str(TEXT),
  }),
  z.strictObject({ action: z.literal('saveUserGroups'), groups: z.array(groupSchema).check(z.maxLength(100)) }),
  z.strictObject({ action: z.literal('deleteUserGroups'), ids: z.array(ID()).check(z.maxLength(1000)) }),
]);
export type OperationInput = z.infer<typeof inputSchema>;

const param = z.tuple([str(128), str(1_000_000)]);
const requestSchema = z.strictObject({
  product: z.literal('dataworks-public'),
  version: z.literal('2020-05-18'),
  action: z.enum(['CreateDataServiceGroup', 'DsgUserGroupAddOrUpdate', 'DsgUserGroupDelete']),
  method: z.literal('POST'),
  region: str(64),
  query: z.array(param).check(z.maxLength(50)),
  body: z.array(param).check(z.maxLength(50)),
});

export const operationEntrySchema = z.strictObject({
  /** Random, unique across windows: entries are merged by it. */
  id: str(64),
  /** The extension-host session that sent the request; another session's 'running' entry was interrupted. */
  session: str(64),
  startedAt: z.number(),
  updatedAt: z.number(),
  profile: str(TEXT),
  region: str(64),
  input: inputSchema,
  request: requestSchema,
  status: z.enum(['running', 'succeeded', 'failed', 'unknown']),
  requestId: z.optional(str(256)),
  /** The ID the server gave a created business process. */
  createdId: z.optional(str(256)),
  /** The request failed ambiguously and the API layer found the result by a lookup instead of resending. */
  recovered: z.optional(z.boolean()),
  /** Still running when its window was reloaded or closed. */
  interrupted: z.optional(z.boolean()),
  error: z.optional(z.strictObject({ code: str(256), message: str(4000) })),
  /** What the last Verify found: all / none / some of what the write asked for. */
  verified: z.optional(z.strictObject({ at: z.number(), found: z.enum(['all', 'none', 'some']) })),
});
export type OperationEntry = z.infer<typeof operationEntrySchema>;

// The request type is the shared one; the schema only checks what a file holds.
export type RecordedRequest = OperationEntry['request'];
export const asRecordedRequest = (r: WriteRequest): RecordedRequest => ({ ...r, query: r.query.map(([n, v]) => [n, v]), body: r.body.map(([n, v]) => [n, v]) });

export const FILE_FORMAT = 'dataworks.recentOperations';
export const FILE_VERSION = 1;

export const fileSchema = z.object({
  format: z.literal(FILE_FORMAT),
  version: z.literal(FILE_VERSION),
  entries: z.array(z.unknown()),
});

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
