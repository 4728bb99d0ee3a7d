import type * as vscode from 'vscode';
import type { DataWorksService, Page, TenantUser, UserGroup, Workspace } from '../api';
import type { GroupKind } from '../services/userGroupKind';
import { bpRestoreSchema, parseMessage, ugRestoreSchema } from '../shared/protocol';
import { openBusinessProcessPanel, restoreBusinessProcessPanel } from './businessProcessForm';
import { openUserGroupPanel, restoreUserGroupPanel } from './userGroupForm';

// The contract between the explorer (commands, tree) and the webview forms.

/** A change made through a form: the explorer reloads only the node it concerns. */
export type WriteChange =
  | { readonly kind: 'businessProcessCreated'; readonly region: string; readonly projectId: number; readonly groupId: string }
  | { readonly kind: 'userGroupsSaved'; readonly region: string; readonly ids: readonly number[] };

/** What to reveal in the tree after a success. */
export type RevealTarget =
  | { readonly kind: 'businessProcess'; readonly region: string; readonly projectId: number; readonly groupId: string }
  | { readonly kind: 'userGroup'; readonly region: string; readonly id?: number; readonly name: string };

export interface FormContext {
  readonly extensionUri: vscode.Uri;
  /** Drafts live here, per form and target. */
  readonly workspaceState: vscode.Memento;
  readonly log: vscode.LogOutputChannel;
  /** The extension's redactor (every registered secret, the proxy password, credential-shaped text). */
  readonly redact: (text: string) => string;
  /** Reads the extension's own files (the page's bundle and stylesheet, carried inline); without it pages link them. */
  readonly readExtensionFile?: (uri: vscode.Uri) => Thenable<Uint8Array>;
  /** Name of the active profile; part of the draft and panel keys. */
  readonly profileName: string;
  /** The service of the active profile in a region. Rejects when the profile needs signing in again. */
  getService(region: string): Promise<DataWorksService>;
  /**
   * A page of the region's workspaces (PAGE_SIZE items, as the tree loads them) through the explorer's read cache: the list
   * the tree has shown costs no call, with the tree's lifetime and invalidation. `fresh` drops the cached pages first.
   */
  workspacesPage(region: string, pageNumber: number, fresh: boolean): Promise<Page<Workspace>>;
  /**
   * The tenant's users (what a user group's accounts are picked from) through the explorer's read cache, so that
   * opening the form again within the cache lifetime costs no call. `fresh` reloads them.
   */
  tenantUsers(region: string, fresh: boolean): Promise<readonly TenantUser[]>;
  /** The group's kind when the list or the cache has it: no call. */
  groupKindIfKnown(region: string, group: UserGroup): GroupKind | undefined;
  /** The type and MaxCompute project of a group, from the server's answers, never guessed; cached per group. */
  groupKind(region: string, group: UserGroup): Promise<GroupKind>;
  /** Whether the server lists a type-3 group under a project the user entered (see checkGroupProject). */
  checkGroupProject(region: string, group: UserGroup, projectName: string): Promise<'listed' | 'not-listed' | 'unverifiable'>;
  /** What a successful save wrote: the next edit of the group needs no lookup. */
  rememberGroupKind(region: string, id: number, kind: GroupKind): void;
  /** A group by ID, for a form restored after a window reload; `nameHint` only narrows the search. */
  findUserGroup(region: string, id: number, nameHint: string | undefined): Promise<UserGroup | undefined>;
  onDidWrite(change: WriteChange): void;
  revealInTree(target: RevealTarget): Promise<void>;
}

export interface BusinessProcessFormTarget {
  readonly region: string;
  /** Preselected workspace, when opened from a workspace node. */
  readonly projectId?: number;
}

export interface UserGroupFormTarget {
  readonly region: string;
  /** The group to edit, as the tree listed it; absent to add a new group. */
  readonly group?: UserGroup;
  /** A restored form's group: only which one; the form loads it from the server. */
  readonly groupRef?: { readonly id: number; readonly name: string };
}

/** Opens (or reveals) the Create Business Process form. */
export function openBusinessProcessForm(ctx: FormContext, target: BusinessProcessFormTarget): void {
  openBusinessProcessPanel(ctx, target);
}

/** Opens (or reveals) the Add/Edit User Group form. */
export function openUserGroupForm(ctx: FormContext, target: UserGroupFormTarget): void {
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
