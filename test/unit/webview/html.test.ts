import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { bpInitSchema, INIT_DATA_ID, parseMessage, type BpInit } from '../../../src/shared/protocol';
import {
  buildFormHtml, contentSecurityPolicy, createNonce, escapeHtml, jsonForScriptBlock, rawTextFor, type InlinePageOptions, type LinkedPageOptions,
} from '../../../src/webview/html';

const CSP_SOURCES = ["'self' https://*.vscode-cdn.net", 'https://file+.vscode-resource.vscode-cdn.net', 'vscode-webview://abc'];
const SCRIPT = 'var a=acquireVsCodeApi();document.body.dataset.x="1<2";';
const STYLE = 'body { color: var(--vscode-foreground); }\n.a > .b { margin: 0; }';

/** A page as the panel renders it when it has read the form's files: script and style inline. */
function inlinePage(form: InlinePageOptions['form'], over: Partial<InlinePageOptions> = {}): string {
  return buildFormHtml({
    nonce: createNonce(), script: SCRIPT, style: STYLE, title: 'Create Business Process', lang: 'en', loadingText: 'Loading…', form,
    initData: { strings: {}, region: 'cn-shanghai' }, ...over,
  });
}

/** A page that fetches its files (the panel without a file reader, or after inlining failed). */
function page(form: LinkedPageOptions['form'], cspSource: string, over: Partial<LinkedPageOptions> = {}): string {
  return buildFormHtml({
    cspSource, nonce: createNonce(), scriptUri: `https://ext.vscode-cdn.net/dist/webview/${form}.js`,
    styleUris: ['https://ext.vscode-cdn.net/media/form.css'], title: 'Create Business Process', lang: 'en', loadingText: 'Loading…', form,
    initData: { strings: {}, region: 'cn-shanghai' }, ...over,
  });
}

const directivesOf = (csp: string): Map<string, string[]> => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k ?? '', v]));

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m?.[1], 'CSP meta present');
  return m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('html: an inline page (script and style carried by the page)', () => {
  for (const form of ['businessProcess', 'userGroup'] as const) {
    it(`${form}: the policy is exactly nonce'd script and style, nothing else can load`, () => {
      const nonce = createNonce();
      const html = inlinePage(form, { nonce });
      const csp = cspOf(html);
      assert.deepEqual([...directivesOf(csp)], [
        ['default-src', ["'none'"]],
        ['script-src', [`'nonce-${nonce}'`]],
        ['style-src', [`'nonce-${nonce}'`]],
        ['form-action', ["'none'"]],
        ['base-uri', ["'none'"]],
        ['frame-src', ["'none'"]],
      ]);
      assert.doesNotMatch(csp, /unsafe-|strict-dynamic|https?:|vscode-|data:|\*/);
    });

    it(`${form}: one nonce'd script with the bundle, one nonce'd style with the sheet, the data block, nothing fetched`, () => {
      const nonce = createNonce();
      const html = inlinePage(form, { nonce });
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.equal(scripts.length, 2);
      assert.equal(scripts[0]?.[1], ` type="application/json" id="${INIT_DATA_ID}"`);
      assert.equal(scripts[1]?.[1], ` nonce="${nonce}"`);
      assert.equal(scripts[1]?.[2], SCRIPT);
      const styles = [...html.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style>/g)];
      assert.equal(styles.length, 1);
      assert.equal(styles[0]?.[1], ` nonce="${nonce}"`);
      assert.equal(styles[0]?.[2], STYLE);
      // Nothing to load: no src, href, link or url() anywhere; no style attribute, no handler attribute.
      assert.doesNotMatch(html, /\s(src|href)=|<link\b|url\(|\sstyle=|\son[a-z]+=/i);
    });
  }

  it('uses a new random nonce on every render, on the policy and on both elements', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const html = inlinePage('businessProcess');
      const n = /'nonce-([^']+)'/.exec(cspOf(html))?.[1] ?? '';
      assert.equal(Buffer.from(n, 'base64').length, 16);
      assert.equal(html.split(`nonce="${n}"`).length - 1, 2, 'the script and the style carry it');
      nonces.add(n);
    }
    assert.equal(nonces.size, 200);
  });

  it('refuses a bundle that could end its script element early, or switch the parser with <!--', () => {
    for (const bad of ['x="</script>";', 'a</script/.test(b)', 'x="</SCRIPT ";', 'x="<!--";<script>']) {
      assert.throws(() => inlinePage('userGroup', { script: bad }), /cannot be inlined/, bad);
      assert.throws(() => rawTextFor('script', bad), /cannot be inlined/);
    }
    assert.throws(() => inlinePage('userGroup', { style: 'a{}</style><script>alert(1)</script>' }), /cannot be inlined/);
    assert.throws(() => inlinePage('userGroup', { style: 'a{}</STYLE>' }), /cannot be inlined/);
    // What a bundle may well contain is left as it is.
    for (const ok of ['if(a<b&&c>d)x="<\\/script>"', 'x="<script>"', '/<\\/script/.test(s)', 'x="--> <!"']) assert.equal(rawTextFor('script', ok), ok);
    assert.equal(rawTextFor('style', '/* <!-- */ a > b {}'), '/* <!-- */ a > b {}');
  });

  it('text put into the page cannot end the inline script or add markup (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (a) => {
      const nonce = createNonce();
      const html = inlinePage('businessProcess', { nonce, title: `${a}</script><script>x()</script>`, loadingText: `${a}</style><img src=x onerror=y>`, initData: { a: `${a}</script>` } });
      assert.equal(html.match(/<script\b/gi)?.length, 2);
      assert.equal(html.match(/<style\b/gi)?.length, 1);
      assert.ok(html.includes(`<script nonce="${nonce}">${SCRIPT}</script>`));
      assert.doesNotMatch(html, /<img\b/);
    }), { numRuns: 300 });
  });
});

describe('html: the real webview bundles can be inlined', function () {
  this.timeout(30_000);
  it('neither bundle nor the stylesheet contains </script, </style or <!--', async () => {
    const root = join(__dirname, '..', '..', '..');
    const { builds } = createRequire(__filename)(join(root, 'esbuild.js')) as { builds: (esbuild.BuildOptions & { entryPoints: unknown })[] };
    const web = builds.find((b) => b.platform === 'browser');
    assert.ok(web && Array.isArray(web.entryPoints) && web.entryPoints.length === 3, 'esbuild.js builds the three webview bundles (two forms, the groups plan)');
    const dir = mkdtempSync(join(tmpdir(), 'dw-webview-'));
    try {
      // As the production build makes them (minified: what the VSIX carries) and as the development build does.
      for (const minify of [true, false]) {
        await esbuild.build({ ...web, outdir: dir, minify, sourcemap: false, metafile: false, logLevel: 'silent' });
        for (const form of ['businessProcess', 'userGroup']) {
          const text = readFileSync(join(dir, `${form}.js`), 'utf8');
          assert.ok(text.length > 10_000, form);
          assert.equal(rawTextFor('script', text), text);
        }
      }
      const css = readFileSync(join(root, 'media', 'form.css'), 'utf8');
      assert.equal(rawTextFor('style', css), css);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('html: Content-Security-Policy of a page that fetches its files', () => {
  for (const form of ['businessProcess', 'userGroup'] as const) {
    for (const src of CSP_SOURCES) {
      it(`${form} with cspSource ${src}`, () => {
        const html = page(form, src);
        const csp = cspOf(html);
        const directives = directivesOf(csp);
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
