// The optional prefill argument of Create Business Process, Add/Edit User Group and Delete User Group: Retry in
// Recent Operations passes the failed request's values, and the form opens with them for review (nothing is sent
// until the user submits, or confirms the delete). Any caller can execute a command: the argument is parsed.
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { FORM_VIEW_TYPE } from '../constants';
import { REGION_ID_MAX, REGION_ID_PATTERN } from '../shared/hosts';
import { rawBusinessProcessSchema, rawUserGroupsSchema, type RawBusinessProcess, type RawUserGroups } from '../shared/schemas';
import { UserCancelledError } from '../util/errors';
import { formKey } from '../util/formKeys';
import type { Deps } from './deps';

const region = () => z.string().check(z.maxLength(REGION_ID_MAX), z.regex(REGION_ID_PATTERN));
const id = () => z.int().check(z.nonnegative());

const businessProcessPrefill = z.strictObject({
  prefill: z.literal('businessProcess'), region: region(), projectId: id(), values: rawBusinessProcessSchema,
});
const userGroupsPrefill = z.strictObject({
  prefill: z.literal('userGroups'),
  region: region(),
  /** Edit mode: the group the values update. */
  group: z.optional(z.strictObject({ id: id(), name: z.string().check(z.maxLength(512)) })),
  values: rawUserGroupsSchema,
});
const deletePrefill = z.strictObject({ prefill: z.literal('deleteUserGroup'), region: region(), id: id() });

export type BusinessProcessPrefill = z.infer<typeof businessProcessPrefill>;
export type UserGroupsPrefill = z.infer<typeof userGroupsPrefill>;
export type DeletePrefill = z.infer<typeof deletePrefill>;

export const businessProcessPrefillArg = (arg: unknown): BusinessProcessPrefill | undefined => businessProcessPrefill.safeParse(arg).data;
export const userGroupsPrefillArg = (arg: unknown): UserGroupsPrefill | undefined => userGroupsPrefill.safeParse(arg).data;
export const deletePrefillArg = (arg: unknown): DeletePrefill | undefined => deletePrefill.safeParse(arg).data;

/**
 * The workspaceState key of a form's draft, as the forms name it (src/webview: panelKey + FormHost's `/draft`): the
 * form opens with the draft instead of its empty values. Kept in step with them by the Retry integration test.
 */
function draftKey(profile: string, p: BusinessProcessPrefill | UserGroupsPrefill): string {
  return p.prefill === 'businessProcess'
    ? `${formKey('businessProcess', profile, p.region, `project-${p.projectId}`)}/draft`
    : `${formKey('userGroup', profile, p.region, p.group ? `group-${p.group.id}` : 'new')}/draft`;
}

/**
 * Puts the values where the form reads its draft. A draft the user has not submitted is theirs: replaced only when
 * they say so. A form of this kind already open keeps what it shows, so the user is told to close it first.
 */
export async function seedDraft(deps: Deps, profile: string, p: BusinessProcessPrefill | UserGroupsPrefill): Promise<void> {
  const viewType = p.prefill === 'businessProcess' ? FORM_VIEW_TYPE.businessProcess : FORM_VIEW_TYPE.userGroup;
  const open = vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType)));
  if (open) {
    const close = vscode.l10n.t('OK');
    await vscode.window.showWarningMessage(
      vscode.l10n.t('A form of this kind is open. Close it first, then choose Retry again to start from the failed request.'), { modal: true }, close,
    );
    throw new UserCancelledError();
  }
  const key = draftKey(profile, p);
  const values: RawBusinessProcess | RawUserGroups = p.values;
  const existing = deps.context.workspaceState.get<unknown>(key);
  if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(values)) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('This form has an unsent draft. Replace it with the values of the failed request?'), { modal: true }, replace,
    );
    if (answer !== replace) throw new UserCancelledError();
  }
  await deps.context.workspaceState.update(key, values);
}
