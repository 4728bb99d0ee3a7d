// The DataWorks emulator's admin endpoint, for the extension-host tests and the UI tests alike.
// Nothing here may import vscode or playwright.

/**
 * Calls the emulator at `base` (DATAWORKS_TEST_EMULATOR_URL): `GET /__admin/counts`, `GET /__admin/state`,
 * `POST /__admin/faults` (JSON body), `DELETE /__admin/faults`. Returns the parsed JSON answer (undefined for an
 * empty one); throws on a non-2xx answer.
 */
export async function callEmulatorAdmin(
  base: string | undefined,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<unknown> {
  if (!base) throw new Error('DATAWORKS_TEST_EMULATOR_URL is not set (no emulator in this run)');
  const res = await fetch(new URL(path, base), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}
