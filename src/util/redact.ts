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

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers values that must never appear in output (AccessKey secrets, tokens, the AccessKey ID too). */
  add(...values: readonly (string | undefined)[]): void {
    for (const v of values) {
      if (v && v.length >= MIN_SECRET_LENGTH) this.secrets.add(v);
    }
  }

  redact(text: string): string {
    let s = text;
    // Longest first, so that a secret containing another is removed whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      s = s.split(secret).join('***');
    }
    for (const [pattern, replacement] of PATTERNS) s = s.replace(pattern, replacement);
    return s;
  }
}

/** Shows just enough of an AccessKey ID to recognise it: first 4 and last 4 characters. */
export function maskAccessKeyId(id: string): string {
  return id.length <= 8 ? '****' : `${id.slice(0, 4)}…${id.slice(-4)}`;
}
