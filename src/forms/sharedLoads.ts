// The host's side of a form's lookups: what the page asked for, loaded once and shared by every later request for
// the same key until the page asks for a refresh. A failed load is not kept: the next request tries again.

export class SharedLoads<V> {
  private readonly entries = new Map<string, Promise<V>>();

  get(key: string, refresh: boolean, load: () => Promise<V>): Promise<V> {
    const known = this.entries.get(key);
    if (known && !refresh) return known;
    const loading = load();
    this.entries.set(key, loading);
    // Only this load's own entry: a refresh that replaced it meanwhile stays.
    loading.catch(() => {
      if (this.entries.get(key) === loading) this.entries.delete(key);
    });
    return loading;
  }
}
