import type { ApiLogger, DataWorksService, EndpointOverride, ServiceConfig } from '../api';
import type { ProfileStore } from '../auth/profileStore';
import { CredentialsUnavailableError } from '../util/errors';

export type ServiceFactory = (config: ServiceConfig) => DataWorksService;

/** What the provider reads from the settings, each time a service is built. */
export interface ServiceSettings {
  /** Only the user's (global) value: a workspace must not redirect signed requests. */
  readonly endpointOverride: () => string | undefined;
  readonly useVpcEndpoint: () => boolean;
  readonly requestsPerSecond: () => number;
  /** VS Code's own proxy settings (http.proxy, http.noProxy, http.proxyStrictSSL), when set. */
  readonly proxy?: () => Pick<ServiceConfig, 'proxy' | 'noProxy' | 'proxyStrictSSL'>;
}

/** Parses `http(s)://host[:port]` (a trailing slash is tolerated); anything else is undefined. */
export function parseEndpointOverride(value: string | undefined): EndpointOverride | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const m = /^(https?):\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?\/?$/.exec(v);
  if (!m) return undefined;
  const [, protocol, host, port] = m;
  if (protocol !== 'http' && protocol !== 'https') return undefined;
  return { protocol, host: `${host ?? ''}${port ?? ''}` };
}

export interface ServiceProviderOptions {
  readonly profiles: ProfileStore;
  /** Loads the API layer; called on first use only, never during activation. */
  readonly factory: () => Promise<ServiceFactory>;
  readonly settings: ServiceSettings;
  readonly logger: ApiLogger;
  readonly userAgent: string;
  /**
   * Learns the proxy password of VS Code's http.proxy and of HTTPS_PROXY / HTTP_PROXY (`http://user:pass@host`)
   * each time a service is built, so that the extension's redactor keeps it out of logs and messages too (the API
   * layer only redacts what it throws itself).
   */
  readonly onSecrets?: (values: readonly string[]) => void;
  /** Wraps every service built for a saved profile (Recent Operations records the writes there); loaded like `factory`. */
  readonly decorate?: () => Promise<(service: DataWorksService, profileName: string) => DataWorksService>;
  /** The process environment (a seam for tests). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The password of a proxy URL, raw and percent-decoded; nothing for a URL without one or that does not parse. */
export function proxyPasswords(raw: string | undefined): string[] {
  const v = raw?.trim();
  if (!v) return [];
  try {
    const { password } = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `http://${v}`);
    if (!password) return [];
    let decoded = password;
    try {
      decoded = decodeURIComponent(password);
    } catch {
      // A stray `%`: the raw form is all there is.
    }
    return [...new Set([password, decoded])];
  } catch {
    return [];
  }
}

/**
 * One DataWorksService per profile, region and connection settings. Credentials are read from
 * SecretStorage when a service is built; `clear()` after any profile or setting change.
 */
export class ServiceProvider {
  private readonly services = new Map<string, Promise<DataWorksService>>();

  constructor(private readonly options: ServiceProviderOptions) {}

  getService(profileName: string, region: string): Promise<DataWorksService> {
    const s = this.options.settings;
    const profile = this.options.profiles.get(profileName);
    const endpointText = profile?.endpoint ?? s.endpointOverride();
    const endpoint = parseEndpointOverride(endpointText);
    if (endpointText && !endpoint) this.options.logger.warn(`Ignoring the endpoint override: not of the form http(s)://host[:port].`);
    const key = JSON.stringify([profileName, region, endpoint ?? null, s.useVpcEndpoint(), s.requestsPerSecond(), s.proxy?.() ?? null]);
    let service = this.services.get(key);
    if (!service) {
      service = this.build(profileName, region, endpoint);
      this.services.set(key, service);
      // A failed build (missing secret) must be retried next time, not remembered.
      service.catch(() => this.services.delete(key));
    }
    return service;
  }

  /** Builds a service for credentials that are not stored yet (Add Profile verifies them with it). */
  async createUnsaved(region: string, credentials: ServiceConfig['credentials']): Promise<DataWorksService> {
    const factory = await this.options.factory();
    return factory(this.config(region, credentials, parseEndpointOverride(this.options.settings.endpointOverride())));
  }

  clear(): void {
    this.services.clear();
  }

  private async build(profileName: string, region: string, endpoint: EndpointOverride | undefined): Promise<DataWorksService> {
    const result = await this.options.profiles.getCredentials(profileName);
    if (!result.ok) throw new CredentialsUnavailableError(profileName, result.reason);
    const factory = await this.options.factory();
    const service = factory(this.config(region, result.credentials, endpoint));
    const decorate = await this.options.decorate?.();
    return decorate ? decorate(service, profileName) : service;
  }

  private config(region: string, credentials: ServiceConfig['credentials'], endpoint: EndpointOverride | undefined): ServiceConfig {
    const s = this.options.settings;
    const proxy = s.proxy?.();
    const env = this.options.env ?? process.env;
    this.options.onSecrets?.([
      ...proxyPasswords(proxy?.proxy),
      ...proxyPasswords(env['HTTPS_PROXY'] ?? env['https_proxy']),
      ...proxyPasswords(env['HTTP_PROXY'] ?? env['http_proxy']),
    ]);
    return {
      region,
      credentials,
      ...(endpoint ? { endpoint } : {}),
      vpc: s.useVpcEndpoint(),
      requestsPerSecond: s.requestsPerSecond(),
      userAgent: this.options.userAgent,
      logger: this.options.logger,
      ...proxy,
    };
  }
}
