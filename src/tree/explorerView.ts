import * as vscode from 'vscode';
import type { ProfileStore } from '../auth/profileStore';
import { ContextKeys, EXPLORER_VIEW_ID } from '../constants';
import type { Logger } from '../util/log';
import type { ExplorerModel } from './explorerModel';
import type { TreeNode } from './node';
import { ExplorerTreeProvider } from './treeProvider';
import { inertText } from '../util/inertText';

/**
 * The tree view's content and chrome: the description (profile or active filter) and the context keys menus use.
 * The view itself is created during activation (src/extension.ts), which owns and disposes it.
 */
export class ExplorerView implements vscode.Disposable {
  readonly provider: ExplorerTreeProvider;

  constructor(
    private readonly treeView: vscode.TreeView<TreeNode>,
    private readonly model: ExplorerModel,
    private readonly profiles: ProfileStore,
    log: Logger,
  ) {
    this.provider = new ExplorerTreeProvider(model, EXPLORER_VIEW_ID, log);
    this.updateChrome();
  }

  /** Call after any profile, region or filter change. */
  updateChrome(): void {
    const profile = this.model.activeProfile();
    const state = profile ? this.profiles.viewState(profile.name) : {};
    const filters = [
      state.workspaceFilter ? vscode.l10n.t('workspaces: {0}', inertText(state.workspaceFilter)) : undefined,
      state.userGroupFilter ? vscode.l10n.t('user groups: {0}', inertText(state.userGroupFilter)) : undefined,
    ].filter((f): f is string => f !== undefined);
    const filterText = filters.length > 0 ? vscode.l10n.t('Filter: {0}', filters.join(', ')) : undefined;
    this.treeView.description = filterText ?? profile?.name;
    // A view alone in its container may not show a description; the message line always shows.
    this.treeView.message = filterText;
    void vscode.commands.executeCommand('setContext', ContextKeys.hasProfile, profile !== undefined);
    void vscode.commands.executeCommand('setContext', ContextKeys.hasFilter, filters.length > 0);
  }

  async reveal(node: TreeNode): Promise<void> {
    // A user group opens to its accounts (already loaded). A business process would load its workspace's Data Service
    // APIs, a call the user did not ask for (a just-created one has none): it is selected, not expanded.
    const expand = node.resource?.kind !== 'businessProcess';
    await this.treeView.reveal(node, { select: true, focus: false, expand });
  }

  /** The selected rows (the extension-host tests check what a reveal selected). */
  get selection(): readonly TreeNode[] {
    return this.treeView.selection;
  }

  dispose(): void {
    this.provider.dispose();
  }
}
