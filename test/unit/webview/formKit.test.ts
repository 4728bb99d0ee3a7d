import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';

// formKit.ts is webview code (DOM types): it is loaded by URL so that this project's type check, which has no DOM
// library, does not take it in. What the test uses of it:
interface FormKit {
  channel(toWebview: z.ZodMiniType, state: z.ZodMiniType): { post(msg: unknown): void; getState(): unknown; setState(state: unknown): void };
}
const FORM_KIT = pathToFileURL(path.resolve(__dirname, '../../../media/forms/formKit.ts')).href;

type Global = { acquireVsCodeApi?: () => unknown };

describe('formKit: the VS Code API handle', () => {
  afterEach(() => {
    delete (globalThis as Global).acquireVsCodeApi;
  });

  it('is not acquired when the module loads, then once, on first use, for every later call', async () => {
    let acquired = 0;
    const posted: unknown[] = [];
    let saved: unknown;
    // Like VS Code's: a second acquisition in the same document throws.
    (globalThis as Global).acquireVsCodeApi = () => {
      if (++acquired > 1) throw new Error('An instance of the VS Code API has already been acquired');
      return { postMessage: (m: unknown) => posted.push(m), getState: () => saved, setState: (s: unknown) => (saved = s) };
    };
    const kit = (await import(FORM_KIT)) as FormKit;
    const ch = kit.channel(z.object({ type: z.string() }), z.object({ view: z.string() }));
    assert.equal(acquired, 0, 'importing the module and building a channel acquire nothing');

    ch.post({ type: 'ready' });
    assert.equal(acquired, 1);
    assert.equal(ch.getState(), undefined);
    ch.setState({ view: 'edit' });
    assert.deepEqual(ch.getState(), { view: 'edit' });
    ch.post({ type: 'draft' });
    assert.equal(acquired, 1);
    assert.deepEqual(posted, [{ type: 'ready' }, { type: 'draft' }]);
  });
});
