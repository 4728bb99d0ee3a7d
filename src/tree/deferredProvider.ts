import * as vscode from 'vscode';

/**
 * The tree view's provider as activation registers it, before the explorer's code is loaded: the first question VS
 * Code asks (the root's children) loads it, and from then on every call and change event is the loaded provider's.
 * Elements only ever come from the loaded provider, so no element question can arrive before it exists.
 */
export class DeferredTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private loading: Promise<vscode.TreeDataProvider<T>> | undefined;
  private loaded: vscode.TreeDataProvider<T> | undefined;
  private forwarding: vscode.Disposable | undefined;

  constructor(private readonly load: () => Promise<vscode.TreeDataProvider<T>>) {}

  private provider(): Promise<vscode.TreeDataProvider<T>> {
    this.loading ??= this.load().then((p) => {
      this.forwarding = p.onDidChangeTreeData?.((e) => this.emitter.fire(e));
      this.loaded = p;
      return p;
    });
    return this.loading;
  }

  async getChildren(element?: T): Promise<T[]> {
    return (await (await this.provider()).getChildren(element)) ?? [];
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    // Asked for every row: answered directly once loaded (an element implies it is), without a promise per row.
    return this.loaded ? this.loaded.getTreeItem(element) : this.provider().then((p) => p.getTreeItem(element));
  }

  async getParent(element: T): Promise<T | undefined> {
    const p = await this.provider();
    return (await p.getParent?.(element)) ?? undefined;
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.emitter.dispose();
  }
}
