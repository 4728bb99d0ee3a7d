// The one page template of every form webview. Pure (no vscode import) so unit tests can check the policy of
// every page; the panel host passes webview.cspSource and the asWebviewUri strings in.
import { randomBytes } from 'node:crypto';
import { INIT_DATA_ID } from '../shared/protocol';

export interface FormPageOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh nonce per render (createNonce). */
  readonly nonce: string;
  /** `asWebviewUri` of the form's script bundle. */
  readonly scriptUri: string;
  /** `asWebviewUri` of the stylesheets. */
  readonly styleUris: readonly string[];
  readonly title: string;
  /** BCP 47 language of the page (`en`, `zh-cn`). */
  readonly lang: string;
  /** Shown until the script has rendered the form. */
  readonly loadingText: string;
  /** `data-form` of <body>, which the script checks. */
  readonly form: 'businessProcess' | 'userGroup';
  /**
   * What the form starts from (strings, values, phase), embedded as a JSON data block that the script reads and
   * zod-parses: the form is interactive without a ready → init round trip to the host. A data block is never
   * executed, so the CSP has nothing to allow for it.
   */
  readonly initData: unknown;
}


/** 128 random bits from the OS CSPRNG, base64 (a valid CSP nonce-source). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

const NONCE = /^[A-Za-z0-9+/]{16,}={0,2}$/;
// A source-list of hosts and keywords, never a directive separator or a wildcard-only source.
const CSP_SOURCE = /^[A-Za-z0-9'*:/.+\-_ ]+$/;

/**
 * Nothing is allowed unless listed: scripts only with this render's nonce, styles and fonts only from the
 * extension's own resources. No inline style (the forms style through classes and CSSOM), no eval, no remote origin.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error('invalid nonce');
  if (!CSP_SOURCE.test(cspSource) || cspSource.trim() === '*') throw new Error('invalid cspSource');
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
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

export function buildFormHtml(o: FormPageOptions): string {
  const csp = contentSecurityPolicy(o.cspSource, o.nonce);
  const links = o.styleUris.map((u) => `<link rel="stylesheet" href="${escapeHtml(u)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang)}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${links}
    <title>${escapeHtml(o.title)}</title>
  </head>
  <body data-form="${escapeHtml(o.form)}">
    <main id="app" aria-busy="true">
      <p class="loading" role="status">${escapeHtml(o.loadingText)}</p>
    </main>
    <script type="application/json" id="${INIT_DATA_ID}">${jsonForScriptBlock(o.initData)}</script>
    <script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
  </body>
</html>`;
}
