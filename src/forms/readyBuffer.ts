// Messages to a webview document that has not said `ready` yet: held back, then sent in order. A hidden webview's
// document is destroyed and a new one announces itself again, so the buffer can go back to holding.

export class ReadyBuffer<T> {
  private ready = false;
  private pending: T[] = [];

  constructor(private readonly send: (msg: T) => void) {}

  post(msg: T): void {
    if (this.ready) this.send(msg);
    else this.pending.push(msg);
  }

  /** The document is listening: everything held back goes now. */
  markReady(): void {
    this.ready = true;
    const pending = this.pending;
    this.pending = [];
    for (const m of pending) this.send(m);
  }

  /** A new document is on its way: hold messages until it is ready. */
  hold(): void {
    this.ready = false;
  }
}
