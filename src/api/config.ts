// How one DataWorksService instance is configured. No secrets are ever logged from here on:
// `credentials` is handed to the signer and nowhere else.

export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Present for STS credentials. */
  readonly securityToken?: string;
}

/** An endpoint override: the emulator, or a private endpoint. Applies to DataWorks and API Gateway calls alike. */
export interface EndpointOverride {
  /** `host[:port]`, no scheme. */
  readonly host: string;
  readonly protocol: 'http' | 'https';
}

/** Where the layer writes what it does. Messages never contain credentials. */
export interface ApiLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ServiceConfig {
  readonly region: string;
  readonly credentials: Credentials;
  readonly endpoint?: EndpointOverride;
  /** Use `dataworks-vpc.<region>.aliyuncs.com`. */
  readonly vpc?: boolean;
  /** Appended to the client's User-Agent, e.g. `vscode-dataworks/0.1.0`. */
  readonly userAgent?: string;
  /** Client-side rate limit per region (default 4). */
  readonly requestsPerSecond?: number;
  /** Default deadline per call including retries, ms (default 30000). */
  readonly timeoutMs?: number;
  /**
   * Longest a single attempt may wait for its answer, ms (default 10000, the SDK's own read timeout). A hung
   * connection is then abandoned and the call retried within its deadline instead of using all of it up.
   */
  readonly attemptTimeoutMs?: number;
  readonly logger?: ApiLogger;
  /**
   * Proxy URL, `http://[user:password@]host:port` (VS Code `http.proxy`). Unset or empty: `HTTPS_PROXY` /
   * `HTTP_PROXY` (either case) from the environment, per the endpoint's scheme. Hosts in `noProxy` and `NO_PROXY`
   * go direct. Without any of these, requests use Node's own stack (which VS Code patches for its proxy support).
   */
  readonly proxy?: string;
  /** Hosts that bypass the proxy (VS Code `http.noProxy`), in addition to `NO_PROXY`. */
  readonly noProxy?: readonly string[];
  /** `false`: through a proxy, accept TLS certificates that do not verify (VS Code `http.proxyStrictSSL`). */
  readonly proxyStrictSSL?: boolean;
}
