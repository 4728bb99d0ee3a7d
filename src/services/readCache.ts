// Read results per profile and region. DataWorks quotas are small (a Basic tenant has 100 calls a day),
// so a view that is collapsed and reopened must not call again, and two expansions of the same node while
// the first load is in flight must share one call.

interface Entry {
  readonly value: unknown;
  readonly expires: number;
}

export type Clock = () => number;

export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  /** Bumped on invalidation, so a load that started before it does not store a stale result after it. */
  private generation = 0;

  constructor(private readonly ttlMs: () => number, private readonly now: Clock = Date.now) {}

  /** The cached value, the in-flight load, or a new load. Failures are not cached. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return Promise.resolve(hit.value as T);
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const generation = this.generation;
    const promise = load().then(
      (value) => {
        if (generation === this.generation && this.ttlMs() > 0) this.entries.set(key, { value, expires: this.now() + this.ttlMs() });
        return value;
      },
    ).finally(() => {
      if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
    });
    this.inFlight.set(key, promise);
    return promise;
  }

  /** What `get` would answer without a new load: the cached value or the in-flight load; undefined otherwise. */
  peek<T>(key: string): Promise<T> | undefined {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return Promise.resolve(hit.value as T);
    return this.inFlight.get(key) as Promise<T> | undefined;
  }

  /** Drops every entry whose key starts with one of the prefixes (all entries without arguments). */
  invalidate(...prefixes: readonly string[]): void {
    this.generation++;
    for (const map of [this.entries, this.inFlight] as const) {
      for (const key of [...map.keys()]) {
        if (prefixes.length === 0 || prefixes.some((p) => key.startsWith(p))) map.delete(key);
      }
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
