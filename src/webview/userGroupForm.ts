// The Add/Update User Groups form's panel (the logic is src/forms/userGroup.ts).
import * as vscode from 'vscode';
import { UserGroupController, type UgTexts } from '../forms/userGroup';
import { userGroupTypeLabel } from '../services/userGroupKind';
import { ugInitSchema, ugToHostSchema, ugToWebviewSchema, type UgRestore } from '../shared/protocol';
import { rawUserGroupsSchema } from '../shared/schemas';
import { mountForm, openOrReveal, takeOver } from './formHost';
import type { FormContext, UserGroupFormTarget } from './forms';
import { formKey } from './hostSupport';
import { webviewStrings } from './strings';

function panelKey(ctx: FormContext, target: UserGroupFormTarget): string {
  const id = target.group?.id ?? target.groupRef?.id;
  return formKey('userGroup', ctx.profileName, target.region, id === undefined ? 'new' : `group-${id}`);
}

export function openUserGroupPanel(ctx: FormContext, target: UserGroupFormTarget): void {
  const key = panelKey(ctx, target);
  openOrReveal(key, () => mount(ctx, target, key));
}

/** Takes over a panel restored after a window reload; false when it cannot be (the caller closes it). */
export function restoreUserGroupPanel(ctx: FormContext, panel: vscode.WebviewPanel, restore: UgRestore): boolean {
  const target: UserGroupFormTarget = { region: restore.region, ...(restore.group ? { groupRef: restore.group } : {}) };
  const key = panelKey(ctx, target);
  return takeOver(ctx, restore.profile, key, () => mount(ctx, target, key, panel));
}

const texts: UgTexts = {
  groupNotFound: (id) => vscode.l10n.t('User group {0} was not found. It may have been deleted; close this form.', id),
  typeLabel: (type) => userGroupTypeLabel(type, vscode.l10n.t),
  saved: (names) => vscode.l10n.t('User groups saved: {0}', names),
  saveFailed: (line) => vscode.l10n.t('Saving the user groups failed: {0}', line),
  nameTakenBy: (id) => webviewStrings()['ug.nameTakenBy'].replace('{0}', id),
  projectNotListed: (projectName) => webviewStrings()['ug.projectNotListed'].replace('{0}', projectName),
};

function mount(ctx: FormContext, target: UserGroupFormTarget, key: string, existing?: vscode.WebviewPanel): { start(): void } {
  const group = target.group ?? target.groupRef;
  return mountForm(ctx, target.region, {
    form: 'userGroup',
    key,
    title: group ? vscode.l10n.t('Edit User Group: {0}', group.name) : vscode.l10n.t('Add User Groups'),
    toHost: ugToHostSchema,
    toWebview: ugToWebviewSchema,
    draft: rawUserGroupsSchema,
    init: ugInitSchema,
  }, existing, texts, (env) => new UserGroupController(env, target));
}
