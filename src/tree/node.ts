import type { BusinessProcess, DataServiceApi, DataWorksService, UserGroup, Workspace } from '../api';
import type { ReadCache } from '../services/readCache';
import type { Translate } from '../util/translate';

// The tree model has no vscode import: nodes describe themselves as plain data (NodeView), and
// treeProvider.ts turns that into TreeItems. That keeps paging, caching and error states unit-testable.

export type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface NodeView {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  /** A codicon id, optionally with a theme colour id. */
  readonly icon?: { readonly id: string; readonly color?: string };
  readonly collapsible: Collapsible;
  readonly contextValue: string;
  /** Run on click, with the node as its argument. */
  readonly command?: { readonly id: string; readonly title: string };
}

/** The resource a node stands for: what Copy, Copy as JSON and Open in Console work on. */
export type ResourceRef =
  | { readonly kind: 'workspace'; readonly region: string; readonly data: Workspace }
  | { readonly kind: 'businessProcess'; readonly region: string; readonly data: BusinessProcess }
  | { readonly kind: 'dataServiceApi'; readonly region: string; readonly data: DataServiceApi }
  | { readonly kind: 'userGroup'; readonly region: string; readonly data: UserGroup }
  | { readonly kind: 'account'; readonly region: string; readonly data: { readonly account: string; readonly groupId: number } };

export interface TreeNode {
  /** Stable across refreshes and unique over the whole tree; VS Code keeps expansion state by it. */
  readonly id: string;
  readonly parent: TreeNode | undefined;
  view(): NodeView;
  children?(): Promise<readonly TreeNode[]>;
  readonly resource?: ResourceRef;
}

/** A node whose children come from paged calls. */
export interface PagedNode extends TreeNode {
  loadMore(): Promise<void>;
  loadAll(signal: AbortSignal, onPage?: (loaded: number, total: number) => void): Promise<void>;
  /** Drops cached pages and loads again on the next expansion. */
  refresh(): void;
  /** Items loaded so far and the server's total (undefined before the first page). */
  count(): { readonly loaded: number; readonly total: number | undefined };
}

export function isPagedNode(node: TreeNode | undefined): node is PagedNode {
  return node !== undefined && typeof (node as Partial<PagedNode>).loadMore === 'function';
}

/** What every node of one profile's tree shares. */
export interface TreeContext {
  readonly t: Translate;
  readonly profileName: string;
  readonly cache: ReadCache;
  readonly pageSize: number;
  getService(region: string): Promise<DataWorksService>;
  regionLabel(regionId: string): string;
  /** Tells the view that the node (or the whole tree) has new children. */
  changed(node: TreeNode | undefined): void;
  /** Logs a failed load and notices rejected credentials; returns the text for the error node. */
  reportError(error: unknown, what: string): string;
  workspaceFilter(): string | undefined;
  userGroupFilter(): string | undefined;
}
