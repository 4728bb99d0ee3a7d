import type * as vscode from 'vscode';
import type { BusinessProcessTarget } from '../forms/businessProcess';
import type { FormServices } from '../forms/port';
import type { UserGroupTarget } from '../forms/userGroup';
import type { Prompts } from '../util/prompts';
import { bpRestoreSchema, parseMessage, ugRestoreSchema } from '../shared/protocol';
import { openBusinessProcessPanel, restoreBusinessProcessPanel } from './businessProcessForm';
import { openUserGroupPanel, restoreUserGroupPanel } from './userGroupForm';

// The contract between the explorer (commands, tree) and the webview forms.

/** The forms' view of the active profile (FormServices) and what their panels need of VS Code. */
export interface FormContext extends FormServices {
  readonly extensionUri: vscode.Uri;
  /** Drafts live here, per form and target. */
  readonly workspaceState: vscode.Memento;
  readonly log: vscode.LogOutputChannel;
  /** Reads the extension's own files (the page's bundle and stylesheet, carried inline); without it pages link them. */
  readonly readExtensionFile?: (uri: vscode.Uri) => Thenable<Uint8Array>;
  /** Modal questions (the extension-host tests answer them). */
  readonly prompts: Prompts;
}

export type { WriteChange, RevealTarget } from '../forms/port';
export type { BusinessProcessTarget as BusinessProcessFormTarget } from '../forms/businessProcess';
export type { UserGroupTarget as UserGroupFormTarget } from '../forms/userGroup';

/** Opens (or reveals) the Create Business Process form. */
export function openBusinessProcessForm(ctx: FormContext, target: BusinessProcessTarget): void {
  openBusinessProcessPanel(ctx, target);
}

/** Opens (or reveals) the Add/Edit User Group form. */
export function openUserGroupForm(ctx: FormContext, target: UserGroupTarget): void {
  openUserGroupPanel(ctx, target);
}

/** Restores a Create Business Process panel after a window reload; false when its saved state does not parse. */
export function restoreBusinessProcessForm(ctx: FormContext, panel: vscode.WebviewPanel, saved: unknown): boolean {
  const r = parseMessage(bpRestoreSchema, saved);
  return r !== undefined && restoreBusinessProcessPanel(ctx, panel, r);
}

/** Restores an Add/Edit User Group panel after a window reload; false when its saved state does not parse. */
export function restoreUserGroupForm(ctx: FormContext, panel: vscode.WebviewPanel, saved: unknown): boolean {
  const r = parseMessage(ugRestoreSchema, saved);
  return r !== undefined && restoreUserGroupPanel(ctx, panel, r);
}

export { showGroupsPlan, applyShownPlan, exportGroupsText, shownGroupsPlan, type GroupsFileSource } from './groupsPlanPanel';
