// Parsing for Recent Operations (dist/deferred.js, with zod): the file in global storage, which any version of the
// extension in any window may have written, and the prefill argument of the form commands (Retry), which any
// extension may pass. No vscode.
import * as z from 'zod/mini';
import type { OperationEntry } from './operationTypes';
import { REGION_ID_MAX, REGION_ID_PATTERN } from '../base/hosts';
import { rawBusinessProcessSchema, rawUserGroupsSchema } from './schemas';

const str = (max: number) => z.string().check(z.maxLength(max));
const TEXT = 8192;
const id = () => z.int().check(z.nonnegative());
const region = () => z.string().check(z.maxLength(REGION_ID_MAX), z.regex(REGION_ID_PATTERN));

const groupSchema = z.strictObject({
  id: z.optional(id()),
  name: str(TEXT),
  owner: str(TEXT),
  type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  accounts: z.array(str(1024)).check(z.maxLength(1000)),
  projectName: z.optional(str(TEXT)),
});

const inputSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('createBusinessProcess'), projectId: id(), apiGatewayGroupId: str(TEXT), name: str(TEXT), description: str(TEXT),
  }),
  z.strictObject({ action: z.literal('saveUserGroups'), groups: z.array(groupSchema).check(z.maxLength(100)) }),
  z.strictObject({ action: z.literal('deleteUserGroups'), ids: z.array(id()).check(z.maxLength(1000)) }),
]);

const param = z.tuple([str(128), str(1_000_000)]);

const entrySchema = z.strictObject({
  id: str(64),
  session: str(64),
  startedAt: z.number(),
  updatedAt: z.number(),
  profile: str(TEXT),
  region: region(),
  input: inputSchema,
  request: z.strictObject({
    product: z.literal('dataworks-public'),
    version: z.literal('2020-05-18'),
    action: z.enum(['CreateDataServiceGroup', 'DsgUserGroupAddOrUpdate', 'DsgUserGroupDelete']),
    method: z.literal('POST'),
    region: region(),
    query: z.array(param).check(z.maxLength(50)),
    body: z.array(param).check(z.maxLength(50)),
  }),
  status: z.enum(['running', 'succeeded', 'failed', 'unknown']),
  requestId: z.optional(str(256)),
  createdId: z.optional(str(256)),
  recovered: z.optional(z.boolean()),
  interrupted: z.optional(z.boolean()),
  error: z.optional(z.strictObject({ code: str(256), message: str(4000) })),
  verified: z.optional(z.strictObject({ at: z.number(), found: z.enum(['all', 'none', 'some']) })),
});

// The schema and the interface describe the same record: a change to one without the other fails to compile.
type Parsed = z.infer<typeof entrySchema>;
const _sameShape: [Parsed extends OperationEntry ? true : false, OperationEntry extends Parsed ? true : never] = [true, true as never];
void _sameShape;

const fileSchema = z.object({ format: z.literal('dataworks.recentOperations'), version: z.literal(1), entries: z.array(z.unknown()) });

/** The entries of a Recent Operations file (each still to be parsed); undefined when it is not one of this version. */
export function parseOperationsFile(json: unknown): readonly unknown[] | undefined {
  return fileSchema.safeParse(json).data?.entries;
}

export function parseOperationEntry(raw: unknown): OperationEntry | undefined {
  return entrySchema.safeParse(raw).data;
}

// ---- the prefill argument of the form commands (Retry) ----

const businessProcessPrefill = z.strictObject({
  prefill: z.literal('businessProcess'), region: region(), projectId: id(), values: rawBusinessProcessSchema,
});
const userGroupsPrefill = z.strictObject({
  prefill: z.literal('userGroups'),
  region: region(),
  /** Edit mode: the group the values update. */
  group: z.optional(z.strictObject({ id: id(), name: str(512) })),
  values: rawUserGroupsSchema,
});
const deletePrefill = z.strictObject({ prefill: z.literal('deleteUserGroup'), region: region(), id: id() });

export type BusinessProcessPrefill = z.infer<typeof businessProcessPrefill>;
export type UserGroupsPrefill = z.infer<typeof userGroupsPrefill>;
export type DeletePrefill = z.infer<typeof deletePrefill>;
export type Prefill = BusinessProcessPrefill | UserGroupsPrefill | DeletePrefill;

/** The prefill in a command argument; undefined for anything else (a tree node, nothing, a malformed one). */
export function parsePrefill(arg: unknown): Prefill | undefined {
  if (typeof arg !== 'object' || arg === null || !('prefill' in arg)) return undefined;
  return businessProcessPrefill.safeParse(arg).data ?? userGroupsPrefill.safeParse(arg).data ?? deletePrefill.safeParse(arg).data;
}
