// Name checks against the server, shared by a form's check on leaving the name box, its review and its submit.
// Without sharing, one create listed the same name three times within a second or two (DataWorks Basic allows 100
// calls a day). A verdict is reused only while it is fresh, so the check before a create is never old; it is
// dropped after every write, so a name this form just used is asked about again. Pure (no vscode import), so it is
// unit-tested with a fake clock.

/** How long a verdict stands: long enough to span leave-the-box → review → submit, short against a human pause. */
export const NAME_CHECK_FRESH_MS = 10_000;

export class RecentChecks<V> {
  private readonly entries = new Map<string, { readonly startedAt: number; readonly value: Promise<V> }>();

  constructor(private readonly freshMs = NAME_CHECK_FRESH_MS, private readonly now: () => number = Date.now) {}

  /**
   * The verdict for `key`: the check in flight, one started less than `freshMs` ago, or a new one. Age counts from
   * the start of the check (the server's answer is no newer than that). A failed check is not kept.
   */
  get(key: string, check: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.startedAt < this.freshMs) return hit.value;
    const entry = { startedAt: this.now(), value: check() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  /** Forgets every verdict (after a write, whatever its outcome). */
  clear(): void {
    this.entries.clear();
  }
}
