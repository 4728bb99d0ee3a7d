import * as vscode from 'vscode';
import type { ProfileStore } from '../auth/profileStore';
import { ContextKeys, EXPLORER_VIEW_ID } from '../constants';
import type { Logger } from '../util/log';
import type { ExplorerModel } from './explorerModel';
import type { TreeNode } from './node';
import { ExplorerTreeProvider } from './treeProvider';

/** The tree view with its chrome: the description (profile or active filter) and the context keys menus use. */
export class ExplorerView implements vscode.Disposable {
  readonly provider: ExplorerTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly model: ExplorerModel, private readonly profiles: ProfileStore, log: Logger) {
    this.provider = new ExplorerTreeProvider(model, EXPLORER_VIEW_ID, log);
    this.treeView = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(this.provider, this.treeView);
    this.updateChrome();
  }

  /** Call after any profile, region or filter change. */
  updateChrome(): void {
    const profile = this.model.activeProfile();
    const state = profile ? this.profiles.viewState(profile.name) : {};
    const filters = [
      state.workspaceFilter ? vscode.l10n.t('workspaces: {0}', state.workspaceFilter) : undefined,
      state.userGroupFilter ? vscode.l10n.t('user groups: {0}', state.userGroupFilter) : undefined,
    ].filter((f): f is string => f !== undefined);
    const filterText = filters.length > 0 ? vscode.l10n.t('Filter: {0}', filters.join(', ')) : undefined;
    this.treeView.description = filterText ?? profile?.name;
    // A view alone in its container may not show a description; the message line always shows.
    this.treeView.message = filterText;
    void vscode.commands.executeCommand('setContext', ContextKeys.hasProfile, profile !== undefined);
    void vscode.commands.executeCommand('setContext', ContextKeys.hasFilter, filters.length > 0);
  }

  async reveal(node: TreeNode): Promise<void> {
    await this.treeView.reveal(node, { select: true, focus: false, expand: true });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
