import type { Page } from '../api';

/**
 * The pages loaded so far for one node. A lock makes "Load more" clicked twice (or a load more racing an
 * expansion) load one page, not two; an error is kept next to the items loaded before it, so a failing
 * page does not hide what was already shown.
 */
export class PagedLoader<T> {
  private loaded: T[] = [];
  private pages = 0;
  private total: number | undefined;
  private lastPageEmpty = false;
  private pending: Promise<void> | undefined;
  private failure: unknown;
  private hasFailure = false;
  /** Bumped by reset(), so that a page arriving after a reset is dropped. */
  private generation = 0;

  constructor(private readonly fetchPage: (pageNumber: number) => Promise<Page<T>>) {}

  get items(): readonly T[] {
    return this.loaded;
  }

  get started(): boolean {
    return this.pages > 0 || this.hasFailure;
  }

  get loading(): boolean {
    return this.pending !== undefined;
  }

  get error(): unknown {
    return this.hasFailure ? this.failure : undefined;
  }

  get failed(): boolean {
    return this.hasFailure;
  }

  get totalCount(): number | undefined {
    return this.total;
  }

  /** More pages exist; a server whose totalCount overstates stops at the first empty page. */
  get hasMore(): boolean {
    return this.total !== undefined && this.loaded.length < this.total && !this.lastPageEmpty;
  }

  /** Loads the first page unless one was loaded or failed already. */
  async ensureStarted(): Promise<void> {
    if (this.pending) return this.pending;
    if (!this.started) await this.loadNext();
  }

  /** Loads the next page. Errors are kept in `error`, not thrown. */
  loadNext(): Promise<void> {
    if (this.pending) return this.pending;
    const pageNumber = this.pages + 1;
    const generation = this.generation;
    const pending: Promise<void> = this.fetchPage(pageNumber).then(
      (page) => {
        if (generation !== this.generation) return;
        this.loaded = [...this.loaded, ...page.items];
        this.pages = pageNumber;
        this.total = page.totalCount;
        this.lastPageEmpty = page.items.length === 0;
        this.hasFailure = false;
        this.failure = undefined;
      },
      (e: unknown) => {
        if (generation !== this.generation) return;
        this.hasFailure = true;
        this.failure = e;
      },
    ).finally(() => {
      if (this.pending === pending) this.pending = undefined;
    });
    this.pending = pending;
    return pending;
  }

  /** Loads the remaining pages until done, an error, or the signal. */
  async loadAll(signal: AbortSignal, onPage?: (loaded: number, total: number) => void): Promise<void> {
    await this.ensureStarted();
    while (this.hasMore && !this.hasFailure && !signal.aborted) {
      await this.loadNext();
      onPage?.(this.loaded.length, this.total ?? this.loaded.length);
    }
  }

  /** Forgets the error, keeping what was loaded; `retry` then loads the page that failed. */
  async retry(): Promise<void> {
    this.hasFailure = false;
    this.failure = undefined;
    await this.loadNext();
  }

  reset(): void {
    this.loaded = [];
    this.pages = 0;
    this.total = undefined;
    this.lastPageEmpty = false;
    this.hasFailure = false;
    this.failure = undefined;
    this.generation++;
    this.pending = undefined;
  }
}
