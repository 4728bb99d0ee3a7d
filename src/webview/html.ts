// The one page template of every form webview. Pure (no vscode import) so unit tests can check the policy of
// every page; the panel host passes the bundle's and stylesheet's text in (or, without a reader, webview.cspSource and
// the asWebviewUri strings).
import { randomBytes } from 'node:crypto';
import { INIT_DATA_ID } from '../shared/protocol';

/** The pages: the two forms and the groups-as-code plan (each is dist/webview/<name>.js). */
export type PageName = 'businessProcess' | 'userGroup' | 'groupsPlan';

interface PageCommon {
  /** A fresh nonce per render (createNonce). */
  readonly nonce: string;
  readonly title: string;
  /** BCP 47 language of the page (`en`, `zh-cn`). */
  readonly lang: string;
  /** Shown until the script has rendered the form. */
  readonly loadingText: string;
  /** `data-form` of <body>, which the script checks. */
  readonly form: PageName;
  /**
   * What the form starts from (strings, values, phase), embedded as a JSON data block that the script reads and
   * zod-parses: the form is interactive without a ready → init round trip to the host. A data block is never
   * executed, so the CSP has nothing to allow for it.
   */
  readonly initData: unknown;
}

/**
 * The page carries its script and stylesheet, each under this render's nonce: nothing to fetch before the form can
 * render (the fetches through the webview's resource loader were ~50 ms of the page's time), and nothing the page
 * may load at all — the policy names no source but the nonce.
 */
export interface InlinePageOptions extends PageCommon {
  /** The form's bundle (dist/webview/<form>.js), as text; refused if it could end its element early. */
  readonly script: string;
  /** media/form.css, as text; the same check. */
  readonly style: string;
}

/** The page fetches its script and stylesheet from the extension's resources (when the host cannot read them). */
export interface LinkedPageOptions extends PageCommon {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** `asWebviewUri` of the form's script bundle. */
  readonly scriptUri: string;
  /** `asWebviewUri` of the stylesheets. */
  readonly styleUris: readonly string[];
}

export type FormPageOptions = InlinePageOptions | LinkedPageOptions;

/** 128 random bits from the OS CSPRNG, base64 (a valid CSP nonce-source). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

const NONCE = /^[A-Za-z0-9+/]{16,}={0,2}$/;
// A source-list of hosts and keywords, never a directive separator or a wildcard-only source.
const CSP_SOURCE = /^[A-Za-z0-9'*:/.+\-_ ]+$/;

/**
 * Nothing is allowed unless listed: scripts only with this render's nonce, no eval, no remote origin, no inline style
 * attribute (the forms style through classes and CSSOM). Without `cspSource` (an inline page) styles also need the
 * nonce and nothing at all can be loaded; with it, styles, fonts and images may come from the extension's resources.
 */
export function contentSecurityPolicy(cspSource: string | undefined, nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error('invalid nonce');
  if (cspSource !== undefined && (!CSP_SOURCE.test(cspSource) || cspSource.trim() === '*')) throw new Error('invalid cspSource');
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    ...(cspSource === undefined
      ? [`style-src 'nonce-${nonce}'`]
      : [`style-src ${cspSource}`, `font-src ${cspSource}`, `img-src ${cspSource} data:`]),
    "form-action 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
  ].join('; ');
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * JSON for a `<script type="application/json">` block. `<` is escaped, so no `</script>` or `<!--` in the data can
 * end the block or change how the HTML parser reads it; `>` and `&` for good measure, and U+2028/2029 so the text is
 * valid JavaScript too. JSON.parse turns every escape back into the character.
 */
export function jsonForScriptBlock(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The raw text of a `<script>` or `<style>` element must not contain its end tag, and a script not `<!--` either (it
 * switches the HTML parser into a state where `</script>` no longer ends the element). Escaping cannot be done safely
 * on arbitrary code (`a</script/.test(b)` is valid JavaScript), so text with either is refused: it is our own bundle,
 * and a build that produces such text is a bug to fix, never something to serve.
 */
export function rawTextFor(element: 'script' | 'style', text: string): string {
  const end = new RegExp(`</${element}`, 'i');
  if (end.test(text) || (element === 'script' && text.includes('<!--'))) {
    throw new Error(`the ${element} text contains ${end.test(text) ? `</${element}` : '<!--'} and cannot be inlined`);
  }
  return text;
}

export function buildFormHtml(o: FormPageOptions): string {
  const inline = 'script' in o;
  const csp = contentSecurityPolicy(inline ? undefined : o.cspSource, o.nonce);
  const nonce = escapeHtml(o.nonce);
  const styles = inline
    ? `<style nonce="${nonce}">${rawTextFor('style', o.style)}</style>`
    : o.styleUris.map((u) => `<link rel="stylesheet" href="${escapeHtml(u)}">`).join('\n    ');
  const script = inline ? `<script nonce="${nonce}">${rawTextFor('script', o.script)}</script>` : `<script nonce="${nonce}" src="${escapeHtml(o.scriptUri)}"></script>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang)}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${escapeHtml(o.title)}</title>
  </head>
  <body data-form="${escapeHtml(o.form)}">
    <main id="app" aria-busy="true">
      <p class="loading" role="status">${escapeHtml(o.loadingText)}</p>
    </main>
    <script type="application/json" id="${INIT_DATA_ID}">${jsonForScriptBlock(o.initData)}</script>
    ${script}
  </body>
</html>`;
}
