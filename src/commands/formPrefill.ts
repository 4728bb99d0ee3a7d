// The optional prefill argument of Create Business Process, Add/Edit User Group and Delete User Group: Retry in
// Recent Operations passes the failed request's values, and the form opens with them for review (nothing is sent
// until the user submits, or confirms the delete). Any caller can execute a command: the argument is parsed.
import * as vscode from 'vscode';
import { FORM_VIEW_TYPE } from '../constants';
import type { BusinessProcessPrefill, Prefill, UserGroupsPrefill } from '../shared/operationCodec';
import { UserCancelledError } from '../util/errors';
import { formKey } from '../util/formKeys';
import type * as Forms from '../webview/forms';
import { loadForms } from '../webview/loadForms';
import type { Deps } from './deps';
import { requireProfile } from './pickers';

export type { BusinessProcessPrefill, DeletePrefill, UserGroupsPrefill } from '../shared/operationCodec';

/** The prefill in a command argument (parsed in dist/deferred.js, which has zod); undefined for anything else. */
export async function prefillArg(arg: unknown): Promise<Prefill | undefined> {
  if (typeof arg !== 'object' || arg === null || !('prefill' in arg)) return undefined;
  const { parsePrefill } = await import('../deferred');
  return parsePrefill(arg);
}

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
export async function seedDraft(deps: Deps, profile: string, p: BusinessProcessPrefill | UserGroupsPrefill, from: 'retry' | 'proposal' = 'retry'): Promise<void> {
  const viewType = p.prefill === 'businessProcess' ? FORM_VIEW_TYPE.businessProcess : FORM_VIEW_TYPE.userGroup;
  const open = vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType)));
  if (open) {
    const close = vscode.l10n.t('OK');
    await vscode.window.showWarningMessage(
      from === 'retry'
        ? vscode.l10n.t('A form of this kind is open. Close it first, then choose Retry again to start from the failed request.')
        : vscode.l10n.t('A form of this kind is open. Close it first, then ask again to open the proposed values.'),
      { modal: true }, close,
    );
    throw new UserCancelledError();
  }
  const key = draftKey(profile, p);
  const values = p.values;
  const existing = deps.context.workspaceState.get<unknown>(key);
  if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(values)) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(
      from === 'retry'
        ? vscode.l10n.t('This form has an unsent draft. Replace it with the values of the failed request?')
        : vscode.l10n.t('This form has an unsent draft. Replace it with the proposed values?'),
      { modal: true }, replace,
    );
    if (answer !== replace) throw new UserCancelledError();
  }
  await deps.context.workspaceState.update(key, values);
}

/**
 * A command's prefill branch: the values go where the form reads its draft (seedDraft), then `open` opens the form
 * with the forms' chunk loaded. The forms' context is taken before the seed, so that a missing profile fails first.
 */
export async function openPrefilled(
  deps: Deps, prefill: BusinessProcessPrefill | UserGroupsPrefill, open: (forms: typeof Forms, ctx: Forms.FormContext) => void,
): Promise<void> {
  const profile = requireProfile(deps);
  const ctx = deps.formContext();
  await seedDraft(deps, profile.name, prefill);
  open(await loadForms(), ctx);
}
