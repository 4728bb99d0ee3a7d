// A minimal event emitter with VS Code's `Event` shape, so that vscode-free modules can publish changes
// that the extension host subscribes to with the same signature as vscode.EventEmitter.

export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (value: T) => void;
export type Event<T> = (listener: Listener<T>) => Disposable;

export class Emitter<T> implements Disposable {
  private listeners = new Set<Listener<T>>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      // One failing listener must not stop the others (the tree and the status bar listen to the same events).
      try {
        listener(value);
      } catch {
        /* listeners log their own failures */
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
