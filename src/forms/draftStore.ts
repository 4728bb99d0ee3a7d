// A form's draft mirrored into workspaceState, so that closing and reopening the panel loses nothing. What is
// stored is data from an earlier page: it is parsed again on the way in, like a message.

/** What the draft store needs of VS Code's Memento. */
export interface DraftMemento {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

export class DraftStore<Draft> {
  private latest: Draft | undefined;

  constructor(private readonly state: DraftMemento, private readonly key: string, private readonly parse: (data: unknown) => Draft | undefined) {
    const stored = state.get(key);
    this.latest = stored === undefined ? undefined : parse(stored);
  }

  /** The latest draft the page sent, or the one stored from an earlier panel. */
  get current(): Draft | undefined {
    return this.latest;
  }

  /** Keeps what the page sent, if it is a draft of this form. */
  save(values: unknown): void {
    const draft = this.parse(values);
    if (draft === undefined) return;
    this.latest = draft;
    void this.state.update(this.key, draft);
  }

  clear(): void {
    this.latest = undefined;
    void this.state.update(this.key, undefined);
  }
}
