// The input rules of the two forms, defined once. The webview runs them for instant field errors, the host runs
// them again before any request (it never trusts the webview). Error messages are codes (see FieldErrorCode): the
// host translates them, so the same schema serves both languages and both sides.
//
// zod/mini, not classic zod: it never probes `new Function` (which our CSP blocks) and it is about a fifth of the
// size in the webview bundle. The functional check style below also compiles against classic zod. Every exported
// schema is z.lazy, built on first use: a webview needs none of the rules before its form is on screen.
import * as z from 'zod/mini';

/**
 * Our limits. The API documentation states none of them (only that the service has list and account limits,
 * USERGROUP.LISTSIZE.ERROR / USERGROUP.ACCOUNTLISTSIZE.ERROR), so these are our choice, kept conservative.
 */
export const LIMITS = {
  nameMax: 64,
  descriptionMax: 1024,
  ownerMax: 128,
  accountMax: 128,
  accountsPerGroup: 100,
  groupsPerRequest: 20,
  apiGatewayGroupIdMax: 64,
  projectNameMax: 64,
} as const;

/** Every message a schema can produce. The host maps each to a translated sentence. */
export const FIELD_ERROR_CODES = [
  'required',
  'nameTooLong',
  'descriptionTooLong',
  'valueTooLong',
  'controlCharacters',
  'workspaceRequired',
  'apiGatewayGroupIdInvalid',
  'typeRequired',
  'projectRequired',
  'projectInvalid',
  'accountsRequired',
  'tooManyAccounts',
  'duplicateAccount',
  'tooManyGroups',
  'duplicateGroupName',
  'nameTaken',
  'groupNotLoaded',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export function isFieldErrorCode(s: string): s is FieldErrorCode {
  return (FIELD_ERROR_CODES as readonly string[]).includes(s);
}

/**
 * A schema built on first use. Marked free of side effects, so a bundle that never uses a schema (the business
 * process webview and the user group rules) drops it entirely. esbuild honours the mark only within this file;
 * other files mark each call as pure themselves.
 */
// @__NO_SIDE_EFFECTS__
export function lazy<T extends z.core.SomeType>(build: () => T): z.ZodMiniLazy<T> {
  return z.lazy(build);
}

// \p{Cc} is C0, DEL and C1. Names are single-line; a description may hold line breaks and tabs.
const NO_CONTROL = /^[^\p{Cc}]*$/u;
const NO_CONTROL_MULTILINE = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;

function singleLine(max: number, tooLong: FieldErrorCode) {
  return z.string({ error: 'required' }).check(
    z.trim(),
    z.minLength(1, 'required'),
    z.maxLength(max, tooLong),
    z.regex(NO_CONTROL, 'controlCharacters'),
  );
}

export const nameSchema = lazy(() => singleLine(LIMITS.nameMax, 'nameTooLong'));

export const descriptionSchema = lazy(() => z.string({ error: 'invalid' }).check(
  z.trim(),
  z.maxLength(LIMITS.descriptionMax, 'descriptionTooLong'),
  z.regex(NO_CONTROL_MULTILINE, 'controlCharacters'),
));

/** A workspace ID: positive and a safe integer (z.int() rejects anything beyond 2^53). */
export const projectIdSchema = lazy(() => z.int({ error: 'workspaceRequired' }).check(z.positive('workspaceRequired')));

export const apiGatewayGroupIdSchema = lazy(() => z.string({ error: 'required' }).check(
  z.trim(),
  z.minLength(1, 'required'),
  z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'apiGatewayGroupIdInvalid'),
));

export const createBusinessProcessSchema = lazy(() => z.strictObject({
  projectId: projectIdSchema,
  apiGatewayGroupId: apiGatewayGroupIdSchema,
  name: nameSchema,
  description: descriptionSchema,
}));
export type CreateBusinessProcessValues = z.infer<typeof createBusinessProcessSchema>;

export const userGroupTypeSchema = lazy(() => z.literal([1, 2, 3], { error: 'typeRequired' }));
export type UserGroupTypeValue = z.infer<typeof userGroupTypeSchema>;

export const ownerSchema = lazy(() => singleLine(LIMITS.ownerMax, 'valueTooLong'));
export const accountSchema = lazy(() => singleLine(LIMITS.accountMax, 'valueTooLong'));

/** MaxCompute project names: a letter, then letters, digits and underscores (our reading of the console rule). */
export const projectNameSchema = lazy(() => z.string({ error: 'invalid' }).check(
  z.trim(),
  z.maxLength(LIMITS.projectNameMax, 'projectInvalid'),
  z.regex(/^(?:[A-Za-z][A-Za-z0-9_]*)?$/, 'projectInvalid'),
));

export const accountsSchema = lazy(() => z.array(accountSchema).check(
  z.minLength(1, 'accountsRequired'),
  z.maxLength(LIMITS.accountsPerGroup, 'tooManyAccounts'),
  z.refine((a) => new Set(a).size === a.length, { message: 'duplicateAccount' }),
));

/** A MaxCompute-role group (type 3) names its project: one rule for the form's rows and the groups file. */
// @__NO_SIDE_EFFECTS__
export function projectRequiredForType3() {
  return z.superRefine((row: { type: number; projectName?: string | undefined }, ctx) => {
    if (row.type === 3 && !row.projectName) {
      ctx.issues.push({ code: 'custom', message: 'projectRequired', path: ['projectName'], input: row.projectName });
    }
  });
}

/** The fields of one user group, shared by the form's rows and the groups file (src/shared/groupsFile.ts). */
// @__NO_SIDE_EFFECTS__
export function userGroupFields() {
  return {
    name: nameSchema,
    owner: ownerSchema,
    type: userGroupTypeSchema,
    projectName: z.optional(projectNameSchema),
    accounts: accountsSchema,
  };
}

export const userGroupRowSchema = lazy(() => z
  .strictObject({
    id: z.optional(z.int({ error: 'invalid' }).check(z.positive('invalid'))),
    ...userGroupFields(),
  })
  .check(projectRequiredForType3()));
export type UserGroupRowValues = z.infer<typeof userGroupRowSchema>;

export const saveUserGroupsSchema = lazy(() => z
  .strictObject({
    groups: z.array(userGroupRowSchema).check(
      z.minLength(1, 'required'),
      z.maxLength(LIMITS.groupsPerRequest, 'tooManyGroups'),
    ),
  })
  .check(
    z.superRefine((v, ctx) => {
      const seen = new Map<string, number>();
      v.groups.forEach((g, i) => {
        if (seen.has(g.name)) {
          ctx.issues.push({ code: 'custom', message: 'duplicateGroupName', path: ['groups', i, 'name'], input: g.name });
        } else {
          seen.set(g.name, i);
        }
      });
    }),
  ));
export type SaveUserGroupsValues = z.infer<typeof saveUserGroupsSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Raw form values: what the webview holds and sends (review, submit, draft). Loose on purpose, only bounded in size,
// so that a value breaking a form rule still reaches the host and comes back as a field error.

const RAW_MAX = 8192;
const rawString = () => z.string().check(z.maxLength(RAW_MAX));

export const rawBusinessProcessSchema = lazy(() => z.strictObject({
  projectId: z.string().check(z.maxLength(32)),
  apiGatewayGroupId: rawString(),
  name: rawString(),
  description: rawString(),
}));
export type RawBusinessProcess = z.infer<typeof rawBusinessProcessSchema>;

export const rawUserGroupRowSchema = lazy(() => z.strictObject({
  name: rawString(),
  owner: rawString(),
  type: z.string().check(z.maxLength(2)),
  projectName: rawString(),
  accounts: z.array(z.string().check(z.maxLength(1024))).check(z.maxLength(1000)),
}));
export type RawUserGroupRow = z.infer<typeof rawUserGroupRowSchema>;

export const rawUserGroupsSchema = lazy(() => z.strictObject({
  rows: z.array(rawUserGroupRowSchema).check(z.minLength(1), z.maxLength(LIMITS.groupsPerRequest)),
}));
export type RawUserGroups = z.infer<typeof rawUserGroupsSchema>;

export const emptyBusinessProcess = (projectId?: number): RawBusinessProcess => ({
  projectId: projectId === undefined ? '' : String(projectId),
  apiGatewayGroupId: '',
  name: '',
  description: '',
});

export const emptyUserGroupRow = (): RawUserGroupRow => ({ name: '', owner: '', type: '1', projectName: '', accounts: [] });

/** A decimal string of digits only: `1e3`, ` 12` and `0x10` are not workspace IDs even though Number() accepts them. */
function toInt(s: string): number | undefined {
  const t = s.trim();
  return /^\d{1,16}$/.test(t) ? Number(t) : undefined;
}

/** The candidate object the schema judges, from raw form values. */
export function businessProcessCandidate(raw: RawBusinessProcess): Record<string, unknown> {
  return { projectId: toInt(raw.projectId), apiGatewayGroupId: raw.apiGatewayGroupId, name: raw.name, description: raw.description };
}

/**
 * The candidate for one row. `id` is not part of the raw values: the host sets it from the group being edited, so
 * a webview cannot redirect an update to another group.
 */
export function userGroupRowCandidate(raw: RawUserGroupRow, id?: number): Record<string, unknown> {
  const type = toInt(raw.type);
  return {
    ...(id === undefined ? {} : { id }),
    name: raw.name,
    owner: raw.owner,
    type,
    // ProjectName only means something for MaxCompute roles; for other types it is dropped rather than judged.
    ...(type === 3 ? { projectName: raw.projectName } : {}),
    accounts: raw.accounts.map((a) => a.trim()).filter((a) => a !== ''),
  };
}

export interface FieldError {
  /** Dotted path of the input, e.g. `name` or `groups.0.owner`; '' for the form as a whole. */
  readonly path: string;
  readonly code: FieldErrorCode;
}

/** One error per input (the first one zod reports), in form order. */
export function toFieldErrors(issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.map((p) => String(p)).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, code: isFieldErrorCode(issue.message) ? issue.message : 'invalid' });
  }
  return out;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FieldError[] };

export function checkBusinessProcess(raw: RawBusinessProcess): Checked<CreateBusinessProcessValues> {
  const r = createBusinessProcessSchema.safeParse(businessProcessCandidate(raw));
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: toFieldErrors(r.error.issues) };
}

/** `ids[i]` is the ID of the group row i updates (edit mode), undefined for a new group. */
export function checkUserGroups(raw: RawUserGroups, ids: readonly (number | undefined)[] = []): Checked<SaveUserGroupsValues> {
  const r = saveUserGroupsSchema.safeParse({ groups: raw.rows.map((row, i) => userGroupRowCandidate(row, ids[i])) });
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: toFieldErrors(r.error.issues) };
}
