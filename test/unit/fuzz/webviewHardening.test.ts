// Webview hardening beyond test/unit/webview (which checks each page's CSP and the escaping helper):
// - the page template stays one nonce'd script and nothing else, whatever text is put into it (property);
// - the webview code (media/forms) has no HTML or code sinks at all, so API data (workspace, group and account
//   names) can only ever become text;
// - the host side of the forms never hands anything from a message to a command, URL opener, terminal or the
//   file system, and the panel options keep command URIs and forms off.
// The source checks read the files as text: they fail when someone adds such a call, which is the point.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildFormHtml, createNonce } from '../../../src/webview/html';
import { hostileString, runCounted } from './fuzzKit';

const ROOT = join(__dirname, '..', '..', '..');
const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');
const tsFiles = (dir: string): string[] => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`);

/** Strips comments so that an explanation mentioning innerHTML does not count as a use. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('webview hardening', () => {
  it('the page template: one nonce\'d script, one JSON data block, one CSP, no markup from any text put in (property)', () => {
    const arb = fc.record({ title: hostileString, loadingText: hostileString, lang: fc.constantFrom('en', 'zh-cn', '"><script>'), data: hostileString });
    runCounted('form page template', arb, ({ title, loadingText, lang, data }) => {
      const nonce = createNonce();
      const html = buildFormHtml({
        cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce, scriptUri: 'https://x/dist/webview/businessProcess.js',
        styleUris: ['https://x/media/form.css'], title: `${title}<script>alert(1)</script>`, lang, loadingText: `${loadingText}<img src=x onerror=alert(1)>`, form: 'businessProcess',
        initData: { draft: `${data}</script><script>alert(1)</script><img src=x onerror=alert(1)>` },
      });
      assert.equal(html.match(/<script\b/gi)?.length, 2, 'the data block and the bundle');
      assert.equal(html.match(/<script type="application\/json" id="dw-init">/g)?.length, 1, 'one data block, never executed');
      assert.equal(html.match(/<meta http-equiv="Content-Security-Policy"/g)?.length, 1);
      assert.ok(html.includes(`<script nonce="${nonce}" src=`), 'the script carries the nonce');
      assert.doesNotMatch(html, /<img\b|<[^>]*\son\w+=/i, 'no element or handler attribute from the text');
    }, 500);
  });

  it('media/forms renders text only: no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval, Function, javascript: URLs', () => {
    const files = tsFiles('media/forms');
    assert.ok(files.length >= 2, files.join());
    for (const f of files) {
      const src = code(read(f));
      assert.doesNotMatch(src, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\b|javascript:/, f);
      assert.doesNotMatch(src, /setAttribute\(\s*['"]on/i, `${f}: event handler attributes`);
    }
  });

  it('the forms\' host side never passes message data to commands, URL openers, terminals or the file system', () => {
    const files = [...tsFiles('src/webview'), ...tsFiles('src/forms')];
    for (const f of files) {
      const src = code(read(f));
      assert.doesNotMatch(src, /executeCommand\s*\(|openExternal\s*\(|createTerminal\s*\(|sendText\s*\(|workspace\.fs\b|from 'node:fs'|require\(|Uri\.parse\s*\(/, f);
    }
  });

  it('panel options: scripts on, command URIs and forms off, resources limited, no retained hidden context', () => {
    const src = code(read('src/webview/pageRenderer.ts'));
    assert.match(src, /enableCommandUris:\s*false/);
    assert.match(src, /enableForms:\s*false/);
    assert.match(src, /localResourceRoots:\s*\[/);
    assert.doesNotMatch(src, /retainContextWhenHidden:\s*true/);
  });

  it('the source checks see what they look for (they are not vacuous)', () => {
    assert.match(code('el.innerHTML = x;'), /\.(innerHTML|outerHTML)\s*=/);
    assert.doesNotMatch(code('// el.innerHTML = x;'), /\.(innerHTML|outerHTML)\s*=/);
    assert.match(code("vscode.commands.executeCommand('x')"), /executeCommand\s*\(/);
  });
});
