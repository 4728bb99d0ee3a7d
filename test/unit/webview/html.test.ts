import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bpInitSchema, INIT_DATA_ID, parseMessage, type BpInit } from '../../../src/shared/protocol';
import { buildFormHtml, contentSecurityPolicy, createNonce, escapeHtml, jsonForScriptBlock, type FormPageOptions } from '../../../src/webview/html';

const CSP_SOURCES = ["'self' https://*.vscode-cdn.net", 'https://file+.vscode-resource.vscode-cdn.net', 'vscode-webview://abc'];

function page(form: FormPageOptions['form'], cspSource: string, over: Partial<FormPageOptions> = {}): string {
  return buildFormHtml({
    cspSource, nonce: createNonce(), scriptUri: `https://ext.vscode-cdn.net/dist/webview/${form}.js`,
    styleUris: ['https://ext.vscode-cdn.net/media/form.css'], title: 'Create Business Process', lang: 'en', loadingText: 'Loading…', form,
    initData: { strings: {}, region: 'cn-shanghai' }, ...over,
  });
}

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m?.[1], 'CSP meta present');
  return m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('html: Content-Security-Policy of every page', () => {
  for (const form of ['businessProcess', 'userGroup'] as const) {
    for (const src of CSP_SOURCES) {
      it(`${form} with cspSource ${src}`, () => {
        const html = page(form, src);
        const csp = cspOf(html);
        const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k ?? '', v]));
        assert.deepEqual(directives.get('default-src'), ["'none'"]);
        const script = directives.get('script-src') ?? [];
        assert.equal(script.length, 1);
        assert.match(script[0] ?? '', /^'nonce-[A-Za-z0-9+/]{22}==?'$/);
        assert.deepEqual(directives.get('style-src'), src.split(' '));
        assert.ok(!/unsafe-|'strict-dynamic'|\*\s*;|http:|https:\s*(;|$)/.test(csp.replace(/https:\/\/\*\.vscode-cdn\.net/g, '')), csp);
        assert.deepEqual(directives.get('form-action'), ["'none'"]);
        // The only executable script is the nonce'd bundle; the init data is a JSON data block (never executed,
        // no nonce); no inline script, no inline style, no event handler attributes.
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
        const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
        assert.equal(scripts.length, 2);
        const [data, bundle] = scripts;
        assert.equal(data?.[1], ` type="application/json" id="${INIT_DATA_ID}"`);
        assert.ok(bundle?.[1]?.includes(`nonce="${nonce}"`));
        assert.equal(bundle?.[2]?.trim(), '');
        assert.ok(!/<style|\sstyle=|\son[a-z]+=/i.test(html));
      });
    }
  }

  it('uses a new random nonce on every render', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => /'nonce-([^']+)'/.exec(cspOf(page('userGroup', CSP_SOURCES[0] ?? '')))?.[1]));
    assert.equal(nonces.size, 200);
    for (const n of nonces) assert.equal(Buffer.from(n ?? '', 'base64').length, 16);
  });

  it('refuses nonces and sources that could break out of the policy', () => {
    assert.throws(() => contentSecurityPolicy("'self'", 'abc'));
    assert.throws(() => contentSecurityPolicy("'self'", "AAAAAAAAAAAAAAAAAAAAAA=='; script-src *"));
    assert.throws(() => contentSecurityPolicy("'self'; script-src 'unsafe-inline'", createNonce()));
    assert.throws(() => contentSecurityPolicy('*', createNonce()));
  });
});

describe('html: escaping', () => {
  it('escapes every value put into the page', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const html = page('businessProcess', "'self'", { title: evil, loadingText: `"${evil}`, lang: 'en" onload="x', scriptUri: 'x" onerror="y' });
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!/\son(load|error)="/.test(html));
  });
  it('escapeHtml covers & < > " \'', () => {
    assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('html: init data embedded in the page', () => {
  /** The data block's text, as the webview reads it (textContent of the element). */
  const blockText = (html: string): string => {
    const m = new RegExp(`<script type="application/json" id="${INIT_DATA_ID}">([\\s\\S]*?)</script>`).exec(html);
    assert.ok(m, 'data block present');
    return m[1] ?? '';
  };
  const hostile = ['</script><script>alert(1)</script>', '<!--', '<script>', '</SCRIPT >', '\u2028\u2029', '&lt;', '"\\', '</script\t>'];

  it('escapes < > & and the JavaScript line separators, and JSON.parse gives the value back', () => {
    for (const text of hostile) {
      const out = jsonForScriptBlock({ text });
      assert.doesNotMatch(out, /[<>&\u2028\u2029]/);
      assert.deepEqual(JSON.parse(out), { text });
    }
  });

  it('text from the API or a draft cannot end the block or add markup (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...hostile), (a, b) => {
      const value = { name: `${a}${b}${a}`, nested: [b, { b }] };
      const html = page('businessProcess', "'self'", { initData: value });
      assert.equal(html.match(/<script\b/gi)?.length, 2, 'the data block and the bundle, nothing else');
      assert.deepEqual(JSON.parse(blockText(html)), value);
    }), { numRuns: 500 });
  });

  it('the page carries init data that the webview schema accepts as it was given', () => {
    const init: BpInit = {
      strings: { 'bp.name': 'Name </script><script>alert(1)</script>' }, locale: 'zh-cn', region: 'cn-shanghai',
      restore: { profile: 'p<!--', region: 'cn-shanghai', projectId: 7 },
      prefill: { projectId: '7', apiGatewayGroupId: '', name: '', description: '' },
      draft: { projectId: '7', apiGatewayGroupId: 'g', name: '</script>', description: 'a\u2028b' },
      phase: 'edit',
    };
    const html = page('businessProcess', "'self'", { initData: init });
    assert.deepEqual(parseMessage(bpInitSchema, JSON.parse(blockText(html))), init);
  });
});
