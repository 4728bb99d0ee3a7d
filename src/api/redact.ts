// Client error messages embed the request URL, and SignatureDoesNotMatch echoes the server's string to sign.
// Everything that leaves the layer as text goes through here first.

const SECRET_PARAMS = /\b(AccessKeyId|AccessKeySecret|SecurityToken|Signature|SignatureNonce|Credential|x-acs-security-token|authorization)=[^&\s,]*/gi;

export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let s = text
    // Keep scheme, host and path (useful to see which endpoint failed); drop the query with its parameters.
    .replace(/(\bhttps?:\/\/[^\s?#]+)\?[^\s]*/gi, '$1?…')
    .replace(SECRET_PARAMS, '$1=…')
    .replace(/(string to sign is:?)[\s\S]*$/i, '$1 …');
  for (const secret of secrets) {
    // Short values would blank out ordinary words; real secrets are long.
    if (secret && secret.length >= 6) s = s.split(secret).join('…');
  }
  return s;
}
