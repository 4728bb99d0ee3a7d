// Everything the extension writes to its log or shows in an error goes through a Redactor. It removes the
// secrets it has been told about, and anything shaped like a credential even when it was never registered
// (a secret typed into a form, a token echoed by a server in a string-to-sign).

const PATTERNS: readonly [RegExp, string][] = [
  // Query or form parameters that carry credentials or signatures.
  [/\b(AccessKeyId|AccessKeySecret|SecurityToken|Signature|SignatureNonce|Credential|x-acs-security-token|sts_token|access_key_secret)(["']?\s*[=:]\s*["']?)[^&\s,"']+/gi, '$1$2***'],
  // Header lines.
  [/\b(Authorization|x-acs-security-token)(\s*:\s*)[^\r\n]+/gi, '$1$2***'],
  // The server echoes the string it signed; it contains the AccessKey ID and the token.
  [/(string to sign is:?)[\s\S]*$/i, '$1 ***'],
  // AccessKey IDs (long-term and STS).
  [/\bLTAI[A-Za-z0-9]{8,}\b/g, 'LTAI***'],
  [/\bSTS\.[A-Za-z0-9._-]{8,}/g, 'STS.***'],
  // A 30-character base62 run is what an AccessKey secret looks like; request IDs contain hyphens, so survive.
  [/\b[A-Za-z0-9]{30}\b/g, '***'],
];

/** Minimum length of a registered secret: shorter values would blank out ordinary words. */
const MIN_SECRET_LENGTH = 6;
/**
 * A part of a secret leaks too (a message cut at a limit, a parser quoting the text around an error): from secrets
 * this long, every run of PART characters is removed as well.
 */
const MIN_PARTIAL_LENGTH = 16;
const PART = 8;

/** Whether a run looks like key material (two of lower case, upper case, digits), not a word such as "datawork". */
function keyLike(run: string): boolean {
  return [/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(run)).length >= 2;
}

export class Redactor {
  private readonly secrets = new Set<string>();
  /** PART-character runs of the long secrets. */
  private readonly parts = new Set<string>();

  /** Registers values that must never appear in output (AccessKey secrets, tokens, the AccessKey ID too). */
  add(...values: readonly (string | undefined)[]): void {
    for (const v of values) {
      if (!v || v.length < MIN_SECRET_LENGTH) continue;
      this.secrets.add(v);
      if (v.length < MIN_PARTIAL_LENGTH) continue;
      for (let i = 0; i + PART <= v.length; i++) {
        const run = v.slice(i, i + PART);
        if (keyLike(run)) this.parts.add(run);
      }
    }
  }

  redact(text: string): string {
    let s = text;
    // Longest first, so that a secret containing another is removed whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      s = s.split(secret).join('***');
    }
    s = this.withoutParts(s);
    for (const [pattern, replacement] of PATTERNS) s = s.replace(pattern, replacement);
    return s;
  }

  /** Every stretch of text made of overlapping runs of a secret becomes one `***`. */
  private withoutParts(text: string): string {
    if (this.parts.size === 0 || text.length < PART) return text;
    const hit = new Uint8Array(text.length);
    let any = false;
    for (let i = 0; i + PART <= text.length; i++) {
      if (this.parts.has(text.slice(i, i + PART))) {
        hit.fill(1, i, i + PART);
        any = true;
      }
    }
    if (!any) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      if (!hit[i]) out += text.charAt(i);
      else if (i === 0 || !hit[i - 1]) out += '***';
    }
    return out;
  }
}

/** Shows just enough of an AccessKey ID to recognise it: first 4 and last 4 characters. */
export function maskAccessKeyId(id: string): string {
  return id.length <= 8 ? '****' : `${id.slice(0, 4)}…${id.slice(-4)}`;
}
