// The message protocol between each form's webview and the extension host, defined once with zod.
// Both sides parse every inbound message and drop what does not match: the union is the allowlist. No message can
// name a command, a URL or a file; "copy" and "reveal" act only on the result the host itself produced.
//
// Every exported schema is lazy (see schemas.ts): zod/mini builds a schema when it is declared, and building all of
// them took a webview tens of milliseconds before its form could render. Lazily, a page builds only its init schema
// before it is interactive and the message union on the first message; the other form's schemas are not even in its
// bundle (the pure marks let esbuild drop what a page never uses).
import * as z from 'zod/mini';
import { REGION_ID_MAX, REGION_ID_PATTERN } from '../base/hosts';
import { FIELD_ERROR_CODES, lazy, rawBusinessProcessSchema, rawUserGroupsSchema } from './schemas';

const str = (max: number) => z.string().check(z.maxLength(max));
const seq = () => z.int().check(z.nonnegative(), z.lte(2 ** 31));
const rowIndex = () => z.int().check(z.nonnegative(), z.lte(19));
/** A region ID (src/base/hosts.ts): a restored state or a page's data names the host of the requests through it. */
const regionId = () => z.string().check(z.maxLength(REGION_ID_MAX), z.regex(REGION_ID_PATTERN));
const bounded = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));

/** Longest server message a page shows (the API layer folds it to one line and cuts it at 1000 characters). */
export const MAX_SERVER_MESSAGE = 2000;
const serverMessageSchema = () => str(MAX_SERVER_MESSAGE);

const MAX_STRINGS = 400;
/** The host's translations for the webview, by key. */
const stringTable = () => z.record(z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/)), str(4000)).check(
  z.refine((r) => Object.keys(r).length <= MAX_STRINGS, { message: 'too many strings' }),
);

export const wireFieldErrorSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  /** Dotted input path (`name`, `groups.2.owner`); '' for the form as a whole. */
  path: z.string().check(z.regex(/^[A-Za-z0-9.]{0,64}$/)),
  code: z.optional(z.enum(FIELD_ERROR_CODES)),
  /** Already translated text, for server errors. */
  text: z.optional(str(4000)),
  /** The server's own message, shown as a plain line of its own under `text` (see serverMessageSchema). */
  serverMessage: z.optional(serverMessageSchema()),
}));
export type WireFieldError = z.infer<typeof wireFieldErrorSchema>;

export const bannerSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  severity: z.enum(['error', 'warning', 'info']),
  message: str(4000),
  /** What DataWorks itself said, when it adds to `message`: a line of its own, plain text. */
  serverMessage: z.optional(serverMessageSchema()),
  code: z.optional(str(200)),
  requestId: z.optional(str(200)),
}));
export type Banner = z.infer<typeof bannerSchema>;

export const wireRequestSchema = /* @__PURE__ */ lazy(() => {
  const wireParam = z.tuple([str(64), str(400_000)]);
  return z.strictObject({
    product: z.literal('dataworks-public'),
    version: z.literal('2020-05-18'),
    action: z.enum(['CreateDataServiceGroup', 'DsgUserGroupAddOrUpdate']),
    method: z.literal('POST'),
    region: regionId(),
    query: bounded(wireParam, 10),
    body: bounded(wireParam, 10),
  });
});

const locale = () => z.enum(['en', 'zh-cn']);
const phase = () => z.enum(['edit', 'submitting', 'result']);
const lookupFailed = <T extends readonly [string, ...string[]]>(lookups: T) =>
  z.strictObject({
    type: z.literal('lookupFailed'),
    seq: seq(),
    lookup: z.enum(lookups),
    message: str(4000),
    code: z.optional(str(200)),
    /** The user lacks the permission (Forbidden.RAM and the like): manual entry is the way on. */
    forbidden: z.boolean(),
  });

const ready = () => z.strictObject({ type: z.literal('ready') });
const reset = () => z.strictObject({ type: z.literal('reset') });
const fieldErrors = () => z.strictObject({
  type: z.literal('fieldErrors'),
  errors: bounded(wireFieldErrorSchema, 200),
  banner: z.optional(bannerSchema),
});
const groupKindState = () => z.enum(['resolving', 'known', 'unknown']);
const submitting = () => z.strictObject({ type: z.literal('submitting') });
/** The request the form would send and the same as an aliyun CLI command; a form may add fields (`extra`). */
const reviewMessage = <S extends z.core.$ZodShape>(extra: S) =>
  z.strictObject({ type: z.literal('review'), request: wireRequestSchema, cli: str(500_000), ...extra });
const resultMessage = <R extends z.core.$ZodType>(result: R) => z.strictObject({ type: z.literal('result'), result });

// ----------------------------------------------------------------------------------------------------------------
// The common core: the messages every form has, whatever its values, result and lookups. Each form's unions below
// are these plus its own messages, and the host's types for them (CommonToHost, CommonToWebview) derive from here.

/** Webview → host messages of every form: `values` is the form's raw values. */
const commonToHost = <V extends z.core.$ZodType>(values: V) => [
  ready(),
  z.strictObject({ type: z.literal('draft'), values }),
  z.strictObject({ type: z.literal('validate'), values }),
  z.strictObject({ type: z.literal('review'), values }),
  z.strictObject({ type: z.literal('submit'), values }),
  z.strictObject({ type: z.literal('copyCli') }),
  reset(),
] as const;

/** Host → webview messages of every form: its result, its lookups (a name check is one of every form). */
const commonToWebview = <R extends z.core.$ZodType, L extends readonly [string, ...string[]], S extends z.core.$ZodShape>(
  result: R, lookups: L, reviewExtra: S,
) => [lookupFailed(lookups), fieldErrors(), reviewMessage(reviewExtra), submitting(), resultMessage(result)] as const;

type Infer<T extends readonly z.core.$ZodType[]> = z.infer<T[number]>;
type CommonToHostCore = Infer<ReturnType<typeof commonToHost<z.ZodMiniUnknown>>>;
type CommonToWebviewCore = Infer<ReturnType<typeof commonToWebview<z.ZodMiniUnknown, readonly ['nameCheck'], Record<never, never>>>>;

/** The common webview → host messages with a form's raw values. */
export type CommonToHost<Raw> = CommonToHostCore extends infer M ? M extends { values?: unknown } ? Omit<M, 'values'> & { values: Raw } : M : never;
/** The common host → webview messages with a form's result and lookups (each form's union holds them). */
export type CommonToWebview<Result, Lookup extends string> = CommonToWebviewCore extends infer M
  ? M extends { type: 'result' } ? Omit<M, 'result'> & { result: Result }
    : M extends { type: 'lookupFailed' } ? Omit<M, 'lookup'> & { lookup: Lookup | 'nameCheck' }
      : M
  : never;

const fieldErrorList = () => bounded(wireFieldErrorSchema, 200);

/**
 * What the host needs to rebuild a form after a window reload (WebviewPanelSerializer). The host puts it in the
 * page's init data, the webview keeps it in its saved state, and VS Code hands that state back to the host on restore.
 */
export const bpRestoreSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  profile: str(256),
  region: regionId(),
  projectId: z.optional(z.int().check(z.positive())),
}));
export type BpRestore = z.infer<typeof bpRestoreSchema>;

export const ugRestoreSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  profile: str(256),
  region: regionId(),
  /**
   * The group being edited: only which one. The host loads it again from the server before anything can be saved,
   * so a saved state cannot change what the review shows as "before" or where the update goes; the name only
   * narrows the search.
   */
  group: z.optional(z.strictObject({ id: z.int().check(z.positive()), name: str(512) })),
}));
export type UgRestore = z.infer<typeof ugRestoreSchema>;

// ----------------------------------------------------------------------------------------------------------------
// Create Business Process


export const bpResultSchema = /* @__PURE__ */ lazy(() => z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('success'), groupId: str(200), requestId: str(200), recovered: z.boolean() }),
  z.strictObject({ outcome: z.literal('error'), banner: bannerSchema, errors: fieldErrorList() }),
  /** The create failed ambiguously; `verdict` is what the API layer found out afterwards. Never resent by itself. */
  z.strictObject({ outcome: z.literal('ambiguous'), verdict: z.enum(['created', 'not-created', 'unknown']), banner: bannerSchema }),
]));
export type BpResult = z.infer<typeof bpResultSchema>;

/**
 * What the page starts from, embedded in it by the host (see html.ts): the form renders from it at once, without
 * waiting for a message. Data, not a message: it is not part of the union below.
 */
export const bpInitSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  strings: stringTable(),
  locale: locale(),
  region: regionId(),
  restore: bpRestoreSchema,
  prefill: rawBusinessProcessSchema,
  draft: z.optional(rawBusinessProcessSchema),
  phase: phase(),
  result: z.optional(bpResultSchema),
}));
export type BpInit = z.infer<typeof bpInitSchema>;

export const bpToHostSchema = /* @__PURE__ */ lazy(() => z.discriminatedUnion('type', [
  ...commonToHost(rawBusinessProcessSchema),
  z.strictObject({ type: z.literal('loadWorkspaces'), seq: seq(), refresh: z.boolean() }),
  z.strictObject({ type: z.literal('loadApiGatewayGroups'), seq: seq(), refresh: z.boolean() }),
  z.strictObject({ type: z.literal('checkName'), seq: seq(), projectId: str(32), name: str(8192) }),
  z.strictObject({ type: z.literal('copyId') }),
  z.strictObject({ type: z.literal('revealInTree') }),
]));
export type BpToHost = z.infer<typeof bpToHostSchema>;

export const workspaceItemSchema = /* @__PURE__ */ lazy(() => z.strictObject({ id: z.int(), name: str(512), identifier: str(512) }));
export const apiGatewayGroupItemSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  id: str(128),
  name: str(512),
  regionId: str(64),
  description: str(2048),
}));

export const bpToWebviewSchema = /* @__PURE__ */ lazy(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('workspaces'), seq: seq(), items: bounded(workspaceItemSchema, 2000), truncated: z.boolean() }),
  z.strictObject({
    type: z.literal('apiGatewayGroups'),
    seq: seq(),
    items: bounded(apiGatewayGroupItemSchema, 1000),
    truncated: z.boolean(),
  }),
  z.strictObject({ type: z.literal('nameCheck'), seq: seq(), name: str(8192), taken: z.boolean() }),
  ...commonToWebview(bpResultSchema, ['workspaces', 'apiGatewayGroups', 'nameCheck'] as const, {}),
]));
export type BpToWebview = z.infer<typeof bpToWebviewSchema>;

// ----------------------------------------------------------------------------------------------------------------
// Add or update user groups


export const ugResultSchema = /* @__PURE__ */ lazy(() => z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('success'),
    requestId: str(200),
    /** The saved groups; `id` is absent when a new group could not be found again by name. */
    groups: bounded(z.strictObject({ name: str(512), id: z.optional(z.int()) }), 20),
  }),
  z.strictObject({ outcome: z.literal('error'), banner: bannerSchema, errors: fieldErrorList() }),
]));
export type UgResult = z.infer<typeof ugResultSchema>;

/** What the page starts from, embedded in it by the host (see bpInitSchema). */
export const ugInitSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  strings: stringTable(),
  locale: locale(),
  region: regionId(),
  mode: z.enum(['add', 'edit']),
  restore: ugRestoreSchema,
  prefill: rawUserGroupsSchema,
  draft: z.optional(rawUserGroupsSchema),
  /** Edit mode: whether the group's type is being asked of the server, was settled, or stays unknown. */
  kind: groupKindState(),
  phase: phase(),
  result: z.optional(ugResultSchema),
}));
export type UgInit = z.infer<typeof ugInitSchema>;

export const ugToHostSchema = /* @__PURE__ */ lazy(() => z.discriminatedUnion('type', [
  ...commonToHost(rawUserGroupsSchema),
  z.strictObject({ type: z.literal('loadTenantUsers'), seq: seq(), refresh: z.boolean() }),
  z.strictObject({ type: z.literal('loadMaxComputeRoles'), seq: seq(), projectName: str(64), refresh: z.boolean() }),
  z.strictObject({ type: z.literal('checkName'), seq: seq(), row: rowIndex(), name: str(8192) }),
  z.strictObject({ type: z.literal('copyId'), index: rowIndex() }),
  z.strictObject({ type: z.literal('revealInTree'), index: rowIndex() }),
]));
export type UgToHost = z.infer<typeof ugToHostSchema>;

export const tenantUserItemSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  accountName: str(512),
  accountType: z.int(),
  yunAccount: str(512),
}));
export type TenantUserItem = z.infer<typeof tenantUserItemSchema>;

export const diffRowSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  field: z.enum(['name', 'owner', 'type', 'projectName', 'accounts']),
  before: str(20_000),
  after: str(20_000),
}));
export type DiffRow = z.infer<typeof diffRowSchema>;

export const ugToWebviewSchema = /* @__PURE__ */ lazy(() => z.discriminatedUnion('type', [
  /** Edit mode: what the server's answers settled about the group's type and project (absent: unknown). */
  z.strictObject({
    type: z.literal('groupKind'),
    state: groupKindState(),
    groupType: z.optional(z.literal([1, 2, 3])),
    projectName: z.optional(str(64)),
  }),
  z.strictObject({ type: z.literal('tenantUsers'), seq: seq(), items: bounded(tenantUserItemSchema, 5000) }),
  z.strictObject({ type: z.literal('maxComputeRoles'), seq: seq(), projectName: str(64), roles: bounded(str(512), 5000) }),
  z.strictObject({
    type: z.literal('nameCheck'),
    seq: seq(),
    row: rowIndex(),
    name: str(8192),
    /** ID of another group that already has this name. */
    existingId: z.optional(z.int()),
  }),
  ...commonToWebview(ugResultSchema, ['tenantUsers', 'maxComputeRoles', 'nameCheck'] as const, {
    /** Update: before/after of the edited group, plus the accounts added and removed. */
    diff: z.optional(
      z.strictObject({
        rows: bounded(diffRowSchema, 5),
        added: bounded(str(512), 1000),
        removed: bounded(str(512), 1000),
      }),
    ),
  }),
]));
export type UgToWebview = z.infer<typeof ugToWebviewSchema>;

/** The id of the page's JSON data block that holds the init data (written by src/webview/html.ts). */
export const INIT_DATA_ID = 'dw-init';

/** Parses an inbound message; undefined for anything that is not exactly one of the protocol's messages. */
export function parseMessage<S extends z.core.$ZodType>(schema: S, data: unknown): z.infer<S> | undefined {
  try {
    const r = z.safeParse(schema, data);
    return r.success ? r.data : undefined;
  } catch {
    // A hostile object (throwing getters, proxies) must not escape the boundary either.
    return undefined;
  }
}
