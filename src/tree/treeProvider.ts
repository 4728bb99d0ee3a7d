import * as vscode from 'vscode';
import type { Logger } from '../util/log';
import type { ExplorerModel } from './explorerModel';
import type { NodeView, TreeNode } from './node';

const COLLAPSIBLE: Readonly<Record<NodeView['collapsible'], vscode.TreeItemCollapsibleState>> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const v = node.view();
  const item = new vscode.TreeItem(v.label, COLLAPSIBLE[v.collapsible]);
  item.id = node.id;
  item.description = v.description;
  item.tooltip = v.tooltip;
  item.contextValue = v.contextValue;
  if (v.icon) item.iconPath = new vscode.ThemeIcon(v.icon.id, v.icon.color ? new vscode.ThemeColor(v.icon.color) : undefined);
  if (v.command) item.command = { command: v.command.id, title: v.command.title, arguments: [node] };
  return item;
}

/** Adapts the vscode-free ExplorerModel to a TreeDataProvider; loads show progress in the view. */
export class ExplorerTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly rootsEmitter = new vscode.EventEmitter<void>();
  /** Fires after the root's children were answered: the rows a view draws first. */
  readonly onDidAnswerRoots = this.rootsEmitter.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly model: ExplorerModel, private readonly viewId: string, private readonly log: Logger) {
    this.subscription = model.onDidChange((node) => this.emitter.fire(node));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const answer = Promise.resolve(vscode.window.withProgress({ location: { viewId: this.viewId } }, async () => {
      try {
        return [...(node ? (await node.children?.()) ?? [] : await this.model.roots())];
      } catch (e) {
        // Nodes turn their own failures into error nodes; this is the last line for a bug.
        this.log.failure(`Loading the children of ${node?.id ?? 'the root'} failed:`, e);
        return [];
      }
    }));
    if (!node) void answer.then(() => this.rootsEmitter.fire(), () => undefined);
    return answer;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
    this.rootsEmitter.dispose();
  }
}
