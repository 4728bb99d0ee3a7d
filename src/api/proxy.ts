// Which proxy, if any, a request to a given endpoint goes through. openapi-client copies its httpProxy/httpsProxy
// options around but never uses them, so the transport has to route requests itself; this file only decides.
// Pure (no agents, no I/O) so that it can be unit-tested and costs nothing in the extension bundle.

export interface ProxySettings {
  /** Explicit proxy URL (VS Code `http.proxy`). Wins over the environment. */
  readonly proxy?: string;
  /** Hosts that bypass any proxy (VS Code `http.noProxy`); NO_PROXY from the environment is added. */
  readonly noProxy?: readonly string[];
}

export interface ProxyTarget {
  readonly protocol: 'http' | 'https';
  /** `host[:port]`, as the endpoint is written. */
  readonly host: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The proxy URL to use for `target`, or undefined to connect directly. Throws for a proxy URL that cannot be
 * used (bad syntax, or a scheme other than http/https such as socks): silently going direct would send traffic
 * around a proxy the user asked for.
 */
export function proxyFor(target: ProxyTarget, settings: ProxySettings, env: Env): URL | undefined {
  const explicit = settings.proxy?.trim();
  const fromEnv = target.protocol === 'https'
    ? first(env['HTTPS_PROXY'], env['https_proxy'])
    : first(env['HTTP_PROXY'], env['http_proxy']);
  const raw = explicit || fromEnv;
  if (!raw) return undefined;
  const noProxy = [...(settings.noProxy ?? []), ...splitList(first(env['NO_PROXY'], env['no_proxy']) ?? '')];
  if (bypasses(target, noProxy)) return undefined;
  return parseProxyUrl(raw);
}

export function parseProxyUrl(raw: string): URL {
  // `host:port` without a scheme is common in HTTP(S)_PROXY; it means an http proxy.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`The proxy setting is not a valid URL: ${withoutCredentials(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Proxy scheme ${url.protocol} is not supported (use http:// or https://)`);
  }
  return url;
}

/** The password of a proxy URL, raw and decoded: a secret to keep out of messages. */
export function proxySecrets(url: URL | undefined): string[] {
  if (!url || url.password === '') return [];
  return [...new Set([url.password, safeDecode(url.password)])];
}

/** Same, from a setting that may not parse; never throws. */
export function proxySecretsOf(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  try {
    return proxySecrets(parseProxyUrl(raw.trim()));
  } catch {
    return [];
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function first(...values: (string | undefined)[]): string | undefined {
  for (const v of values) if (v !== undefined && v.trim() !== '') return v.trim();
  return undefined;
}

function splitList(s: string): string[] {
  return s.split(/[\s,]+/).map((x) => x.trim()).filter((x) => x.length > 0);
}

/**
 * NO_PROXY as curl and most tools read it: `*` matches everything; `example.com`, `.example.com` and
 * `*.example.com` match the host and its subdomains; an entry with `:port` matches only that port.
 */
export function bypasses(target: ProxyTarget, entries: readonly string[]): boolean {
  const { hostname, port } = splitHost(target);
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\*?\.?/, ''));
    const name = (m?.[1] ?? '').replace(/^\[|\]$/g, '');
    if (m?.[2] !== undefined && Number(m[2]) !== port) continue;
    if (name !== '' && (hostname === name || hostname.endsWith(`.${name}`))) return true;
  }
  return false;
}

function splitHost(target: ProxyTarget): { hostname: string; port: number } {
  const url = new URL(`${target.protocol}://${target.host}`);
  const port = url.port === '' ? (target.protocol === 'https' ? 443 : 80) : Number(url.port);
  return { hostname: url.hostname.replace(/^\[|\]$/g, '').toLowerCase(), port };
}

function withoutCredentials(raw: string): string {
  return raw.replace(/\/\/[^@/]*@/, '//…@');
}
