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
}
