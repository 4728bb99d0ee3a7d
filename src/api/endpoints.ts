import type { EndpointOverride } from './config';
import type { Product } from './transport';

export interface ResolvedEndpoint {
  /** `host[:port]`, no scheme: the form openapi-client wants. */
  readonly host: string;
  readonly protocol: 'http' | 'https';
  /** Extra headers: with an override the host no longer names the region, so the region travels as a header. */
  readonly headers: Readonly<Record<string, string>>;
}

export function resolveEndpoint(
  product: Product, region: string, opts: { readonly vpc?: boolean; readonly endpoint?: EndpointOverride },
): ResolvedEndpoint {
  if (opts.endpoint) {
    return { host: opts.endpoint.host, protocol: opts.endpoint.protocol, headers: { 'x-acs-region-id': region } };
  }
  if (product === 'cloudapi') return { host: `apigateway.${region}.aliyuncs.com`, protocol: 'https', headers: {} };
  return {
    host: opts.vpc ? `dataworks-vpc.${region}.aliyuncs.com` : `dataworks.${region}.aliyuncs.com`,
    protocol: 'https',
    headers: {},
  };
}
