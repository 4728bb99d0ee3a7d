// One poller for every suite: the extension-host tests (bundled by esbuild) and the UI tests (tsx in Node).
// Nothing here may import vscode or playwright.

/**
 * Polls `check` until it returns a truthy value and returns that value, or throws after `timeoutMs`
 * naming `what` (a function is called then, so that it can describe the last value seen). `check` runs once more
 * after the last pause, so a slow poll cannot miss the deadline.
 */
export async function waitFor<T>(
  what: string | (() => string),
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
