import type * as vscode from 'vscode';
import type { Logger } from '../util/log';

/**
 * How long the view must stay visible after its root rows were answered: VS Code paints them and asks its follow-up
 * questions (the expanded region's folders) before ~100 ms of code loading takes the extension host's thread.
 */
export const PRELOAD_DELAY_MS = 200;

export interface ApiPreloadOptions {
  /** The explorer view; only its visibility is read. */
  readonly view: Pick<vscode.TreeView<unknown>, 'visible' | 'onDidChangeVisibility'>;
  /** Fires after the tree answered the root's children (the rows the view draws first). */
  readonly onDidAnswerRoots: vscode.Event<void>;
  /** Reads and compiles the code only: builds no client, reads no secret, sends nothing. */
  readonly load: () => Promise<void>;
  readonly log: Pick<Logger, 'debug' | 'warn'>;
  readonly delayMs?: number;
}

/**
 * Loads the API layer and the SDK (dist/deferred.js, dist/api.js) in the background once the explorer is visible and
 * its root rows are drawn, so that the first expansion of a list waits for its round trip and not for code loading
 * as well. Never during activation (this is part of dist/core.js, which the first tree question or command loads),
 * never while the view is hidden, never in a window that has not shown the view: there the code loads on first use,
 * as before. At most once. A failure is only logged: the first real call loads the code again and reports its own
 * error as it always has.
 */
export class ApiPreload implements vscode.Disposable {
  private rootsDrawn = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: readonly vscode.Disposable[];

  constructor(private readonly options: ApiPreloadOptions) {
    this.subscriptions = [
      options.view.onDidChangeVisibility(() => this.update(false)),
      options.onDidAnswerRoots(() => this.update(true)),
    ];
  }

  private update(rootsAnswered: boolean): void {
    // Roots answered while hidden (a test asking through the test API) are not drawn rows.
    if (!this.options.view.visible) {
      this.cancel();
      return;
    }
    this.rootsDrawn ||= rootsAnswered;
    if (!this.rootsDrawn) return;
    // A later answer of the roots (a refresh right after the first) restarts the wait: the view is still busy.
    this.cancel();
    this.timer = setTimeout(() => this.start(), this.options.delayMs ?? PRELOAD_DELAY_MS);
  }

  private start(): void {
    this.timer = undefined;
    // Once only: nothing schedules it again.
    this.dispose();
    const t0 = Date.now();
    // A synchronous throw is a failure like any other: logged, never shown.
    Promise.resolve().then(() => this.options.load()).then(
      () => this.options.log.debug(`Preloaded the API code in ${Date.now() - t0} ms.`),
      (e: unknown) => this.options.log.warn(`Could not preload the API code; it loads on first use instead: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.cancel();
    for (const s of this.subscriptions) s.dispose();
  }
}
