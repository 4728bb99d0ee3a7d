import * as vscode from 'vscode';
import type { DataWorksService } from '../api/dataWorksService';
import type { UserGroup } from '../api/types';
import { bpRestoreSchema, parseMessage, ugRestoreSchema } from '../shared/protocol';
import { openBusinessProcessPanel, restoreBusinessProcessPanel } from './businessProcessForm';
import { VIEW_TYPE } from './formPanel';
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
  /** Name of the active profile; part of the draft and panel keys. */
  readonly profileName: string;
  /** The service of the active profile in a region. Rejects when the profile needs signing in again. */
  getService(region: string): Promise<DataWorksService>;
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
  /** The group to edit; absent to add a new group. */
  readonly group?: UserGroup;
}

/** Opens (or reveals) the Create Business Process form. */
export function openBusinessProcessForm(ctx: FormContext, target: BusinessProcessFormTarget): void {
  openBusinessProcessPanel(ctx, target);
}

/** Opens (or reveals) the Add/Edit User Group form. */
export function openUserGroupForm(ctx: FormContext, target: UserGroupFormTarget): void {
  openUserGroupPanel(ctx, target);
}

/**
 * Restores open forms after a window reload. Call once from activate() with a getter of the current form context;
 * package.json needs the activation events `onWebviewPanel:dataworks.form.businessProcess` and
 * `onWebviewPanel:dataworks.form.userGroup`. A panel whose saved state does not parse, or that belongs to another
 * profile than the active one, is closed (its draft stays in workspaceState for the next opening).
 */
export function registerFormSerializers(getContext: () => FormContext): vscode.Disposable {
  const restore = (fn: (ctx: FormContext, panel: vscode.WebviewPanel) => boolean) => (panel: vscode.WebviewPanel) => {
    try {
      if (!fn(getContext(), panel)) panel.dispose();
    } catch {
      // No profile, or no longer signed in: nothing to restore into.
      panel.dispose();
    }
    return Promise.resolve();
  };
  const stateOf = (state: unknown): unknown => (typeof state === 'object' && state !== null && 'restore' in state ? state.restore : undefined);
  return vscode.Disposable.from(
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE.businessProcess, {
      deserializeWebviewPanel: (panel, state: unknown) => restore((ctx, p) => {
        const r = parseMessage(bpRestoreSchema, stateOf(state));
        return r !== undefined && restoreBusinessProcessPanel(ctx, p, r);
      })(panel),
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE.userGroup, {
      deserializeWebviewPanel: (panel, state: unknown) => restore((ctx, p) => {
        const r = parseMessage(ugRestoreSchema, stateOf(state));
        return r !== undefined && restoreUserGroupPanel(ctx, p, r);
      })(panel),
    }),
  );
}
