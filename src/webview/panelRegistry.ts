// The open form panels, one per form and target: opening the same key again reveals the panel instead.

const open = new Map<string, { reveal(): void }>();

export function isPanelOpen(key: string): boolean {
  return open.has(key);
}

/** Brings the panel open for `key` to the front; false if none is. */
export function revealPanel(key: string): boolean {
  const existing = open.get(key);
  if (!existing) return false;
  existing.reveal();
  return true;
}

/** Registers a panel under `key`; the returned function removes it (only if it is still the one registered). */
export function registerPanel(key: string, panel: { reveal(): void }): () => void {
  open.set(key, panel);
  return () => {
    if (open.get(key) === panel) open.delete(key);
  };
}
