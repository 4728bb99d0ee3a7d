// The groups-as-code plan page: what it is shown (a view of a GroupsPlan, like a change set) and what it may ask.
// Both sides parse every message with these schemas and drop what does not match. No message can name a command,
// a URL, a file or a request to send: "apply" applies the plan the host holds (checked by its id), "copy" copies
// what the host itself produced, "openFile" opens the file the plan was made from.
//
// Group names, owners and accounts are outside text: the page writes them with textContent only.
import * as z from 'zod/mini';
import { REGION_ID_MAX, REGION_ID_PATTERN } from '../base/hosts';
import { lazy } from './schemas';

const str = (max: number) => z.string().check(z.maxLength(max));
const bounded = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));
const count = () => z.int().check(z.nonnegative(), z.lte(1_000_000));
const regionId = () => z.string().check(z.maxLength(REGION_ID_MAX), z.regex(REGION_ID_PATTERN));

/** Most rows a plan page shows: the file's cap plus as many server groups again with prune. */
export const PLAN_MAX_ROWS = 10_000;
export const PLAN_MAX_REQUESTS = 2_000;
const MAX_STRINGS = 200;

export const PLAN_ROW_ACTIONS = ['create', 'update', 'unchanged', 'delete', 'unknown', 'ambiguous'] as const;
export type PlanRowAction = (typeof PLAN_ROW_ACTIONS)[number];

/** One field of a group, before → after. `before` absent: none (create) or, with `unknown`, not said by the server. */
export const planFieldSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  field: z.enum(['owner', 'type', 'projectName']),
  before: z.optional(str(512)),
  after: z.optional(str(512)),
  unknown: z.optional(z.boolean()),
}));
export type PlanField = z.infer<typeof planFieldSchema>;

/**
 * One group. `unknown`: the server did not say its type or project, so the plan cannot claim it unchanged (it may
 * still be written: `fields` then holds the unknown ones). `ambiguous`: several server groups have the name and
 * nothing is written for it.
 */
export const planRowSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  name: str(512),
  action: z.enum(PLAN_ROW_ACTIONS),
  /** Whether the row's group is written by the plan (create, update, delete, and an unknown that is updated). */
  writes: z.boolean(),
  fields: bounded(planFieldSchema, 3),
  accountsAdded: bounded(str(512), 5000),
  accountsRemoved: bounded(str(512), 5000),
  /** The type or project changes: the server converts the group. */
  converts: z.optional(z.boolean()),
  /** Why the row is unknown or ambiguous, already translated. */
  note: z.optional(str(2000)),
}));
export type PlanRow = z.infer<typeof planRowSchema>;

/** One request exactly as the API layer sends it: the action and its parameters as text, and the CLI line. */
export const planRequestSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  action: z.enum(['DsgUserGroupAddOrUpdate', 'DsgUserGroupDelete']),
  /** Group names in the request, in its order. */
  names: bounded(str(512), 1000),
  /** `Name=value` lines, the values as sent. */
  parameters: str(2_000_000),
  cli: str(2_000_000),
}));
export type PlanRequest = z.infer<typeof planRequestSchema>;

export const planCountsSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  create: count(),
  update: count(),
  unchanged: count(),
  delete: count(),
  unknown: count(),
  ambiguous: count(),
}));
export type PlanCounts = z.infer<typeof planCountsSchema>;

export const BATCH_STATES = ['pending', 'sending', 'done', 'failed', 'unknown', 'skipped'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

/**
 * Where the apply is. `idle`: not started (the review). `stale`: refused, the groups changed since the plan.
 * `done` / `failed` / `cancelled`: finished; `applied`, `notApplied` and `unknown` say which groups are where.
 */
export const applyStateSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  phase: z.enum(['idle', 'confirming', 'applying', 'done', 'failed', 'cancelled', 'stale']),
  /** One per request of the plan, in order. */
  batches: bounded(z.enum(BATCH_STATES), PLAN_MAX_REQUESTS),
  applied: bounded(str(512), PLAN_MAX_ROWS),
  notApplied: bounded(str(512), PLAN_MAX_ROWS),
  /** Sent in a request that failed ambiguously: may still land; never resent. */
  unknown: bounded(str(512), PLAN_MAX_ROWS),
  /** Already translated failure text, and what DataWorks said apart. */
  message: z.optional(str(4000)),
  serverMessage: z.optional(str(2000)),
  requestId: z.optional(str(200)),
}));
export type ApplyState = z.infer<typeof applyStateSchema>;

/** The page's whole view of one plan. `planId` ties an apply to the plan the user saw. */
export const planViewSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  planId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)),
  /** The file's name (not its path), for the title. */
  fileName: str(260),
  region: regionId(),
  profile: str(256),
  prune: z.boolean(),
  /** When the plan was made (ms since epoch). */
  createdAt: z.int().check(z.nonnegative()),
  counts: planCountsSchema,
  rows: bounded(planRowSchema, PLAN_MAX_ROWS),
  requests: bounded(planRequestSchema, PLAN_MAX_REQUESTS),
  /** The file changed on disk since the plan (or the server's groups did, after a refused apply). */
  stale: z.boolean(),
  apply: applyStateSchema,
}));
export type PlanView = z.infer<typeof planViewSchema>;

/** What the page starts from, embedded in it (see src/webview/html.ts). */
export const planInitSchema = /* @__PURE__ */ lazy(() => z.strictObject({
  strings: z.record(z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/)), str(4000)).check(
    z.refine((r) => Object.keys(r).length <= MAX_STRINGS, { message: 'too many strings' }),
  ),
  locale: z.enum(['en', 'zh-cn']),
  view: planViewSchema,
}));
export type PlanInit = z.infer<typeof planInitSchema>;

const planIdRef = () => z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/));
const requestIndex = () => z.int().check(z.nonnegative(), z.lt(PLAN_MAX_REQUESTS));

/** Page → host. */
export const planToHostSchema = /* @__PURE__ */ lazy(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('apply'), planId: planIdRef() }),
  z.strictObject({ type: z.literal('cancelApply'), planId: planIdRef() }),
  z.strictObject({ type: z.literal('replan') }),
  /** Copies one request's CLI line, or with no index all of them. */
  z.strictObject({ type: z.literal('copyCli'), index: z.optional(requestIndex()) }),
  z.strictObject({ type: z.literal('copyRequest'), index: requestIndex() }),
  z.strictObject({ type: z.literal('openFile') }),
]));
export type PlanToHost = z.infer<typeof planToHostSchema>;

/** Host → page. */
export const planToWebviewSchema = /* @__PURE__ */ lazy(() => z.discriminatedUnion('type', [
  /** A new plan (after replan) or the same one marked stale. */
  z.strictObject({ type: z.literal('view'), view: planViewSchema }),
  z.strictObject({ type: z.literal('applyState'), planId: planIdRef(), apply: applyStateSchema }),
  z.strictObject({ type: z.literal('stale'), planId: planIdRef() }),
]));
export type PlanToWebview = z.infer<typeof planToWebviewSchema>;

/** The page's texts, translated on the host (src/webview/groupsPlanStrings.ts): a key not translated fails to compile. */
export const PLAN_STRING_KEYS = [
  'title', 'intro', 'profileRegion', 'prune', 'counts', 'create', 'update', 'unchanged', 'delete', 'unknown', 'ambiguous',
  'group', 'change', 'details', 'owner', 'type', 'projectName', 'accountsAdded', 'accountsRemoved', 'converts', 'none',
  'unknownValue', 'showUnchanged', 'hideUnchanged', 'noChanges', 'requests', 'requestN', 'parameters', 'cli', 'copyCli',
  'copyAllCli', 'copyRequest', 'apply', 'applyHint', 'cancel', 'replan', 'openFile', 'stale', 'applying', 'done',
  'failed', 'cancelled', 'staleRefused', 'applied', 'notApplied', 'mayLand', 'batchState.pending', 'batchState.sending',
  'batchState.done', 'batchState.failed', 'batchState.unknown', 'batchState.skipped', 'requestId', 'serverSaid',
  'nothingToApply', 'deleteWarning', 'labelled',
] as const;
export type PlanStringKey = (typeof PLAN_STRING_KEYS)[number];
