import type { Page } from '../api';
import { cacheKeys } from '../services/cacheKeys';
import { errorKind } from '../base/errors';
import type { NodeView, PagedNode, TreeContext, TreeNode } from './node';
import { PagedLoader } from './pagedLoader';
import { ErrorNode, LoadMoreNode, PlaceholderNode } from './statusNodes';

/**
 * A node whose children are a paged list. Pages go through the read cache (keyed by profile, region and
 * what the list is), child nodes are reused by id so that reveal and expansion state survive a reload.
 */
export abstract class PagedFolder<T> implements PagedNode {
  abstract readonly id: string;
  private loader: PagedLoader<T>;
  private readonly childNodes = new Map<string, TreeNode & { update?(data: T): void }>();
  /** VS Code asks for children again on every repaint; a failure is logged once, not on each ask. */
  private reported: { readonly error: unknown; readonly message: string } | undefined;

  protected constructor(readonly parent: TreeNode | undefined, protected readonly ctx: TreeContext, readonly region: string) {
    this.loader = this.newLoader();
  }

  abstract view(): NodeView;
  /** The list's key in the cache (src/services/cacheKeys.ts), the prefix of its pages' keys. */
  protected abstract listKey(): string;
  protected abstract fetch(pageNumber: number, pageSize: number): Promise<Page<T>>;
  protected abstract childId(item: T): string;
  protected abstract createChild(item: T): TreeNode & { update?(data: T): void };
  protected abstract emptyLabel(): string;
  protected abstract what(): string;
  /** Client-side narrowing of the loaded items. */
  protected include(_item: T): boolean {
    return true;
  }

  /** The cache prefix of every page of this list. */
  cachePrefix(): string {
    return this.listKey();
  }

  get loadedItems(): readonly T[] {
    return this.loader.items;
  }

  async children(): Promise<readonly TreeNode[]> {
    await this.loader.ensureStarted();
    const nodes: TreeNode[] = this.loader.items.filter((i) => this.include(i)).map((item) => this.child(item));
    if (this.loader.failed) {
      const error = this.loader.error;
      if (this.reported?.error !== error) this.reported = { error, message: this.ctx.reportError(error, this.what()) };
      const message = this.reported?.message ?? '';
      const credentials = ['credentials-rejected', 'credentials-missing'].includes(errorKind(error));
      nodes.push(new ErrorNode(this, this.ctx, message, () => this.retry(), credentials));
      return nodes;
    }
    if (this.loader.hasMore) {
      nodes.push(new LoadMoreNode(this, this.ctx, this.loader.items.length, this.loader.totalCount ?? 0));
    } else if (nodes.length === 0) {
      nodes.push(new PlaceholderNode(this, this.emptyLabel()));
    }
    return nodes;
  }

  async loadMore(): Promise<void> {
    await this.loader.loadNext();
    this.ctx.changed(this);
  }

  async loadAll(signal: AbortSignal, onPage?: (loaded: number, total: number) => void): Promise<void> {
    try {
      await this.loader.loadAll(signal, onPage);
    } finally {
      this.ctx.changed(this);
    }
  }

  refresh(): void {
    this.ctx.cache.invalidate(this.cachePrefix());
    this.loader.reset();
    this.ctx.changed(this);
  }

  count(): { readonly loaded: number; readonly total: number | undefined } {
    return { loaded: this.loader.items.length, total: this.loader.totalCount };
  }

  /** Finds a loaded child by id (for reveal after a write). */
  findChild(id: string): TreeNode | undefined {
    return this.childNodes.get(id);
  }

  protected page(pageNumber: number): Promise<Page<T>> {
    return this.ctx.cache.get(cacheKeys.page(this.listKey(), pageNumber), () => this.fetch(pageNumber, this.ctx.pageSize));
  }

  /** Starts over with a new list identity (a changed server-side filter). */
  protected restart(): void {
    this.loader = this.newLoader();
    this.ctx.changed(this);
  }

  private async retry(): Promise<void> {
    if (this.loader.items.length === 0) this.loader.reset();
    else await this.loader.retry();
    this.ctx.changed(this);
  }

  private child(item: T): TreeNode {
    const id = this.childId(item);
    const existing = this.childNodes.get(id);
    if (existing) {
      existing.update?.(item);
      return existing;
    }
    const created = this.createChild(item);
    this.childNodes.set(id, created);
    return created;
  }

  private newLoader(): PagedLoader<T> {
    return new PagedLoader<T>((n) => this.page(n));
  }
}
