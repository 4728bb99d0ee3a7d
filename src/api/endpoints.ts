import { isLoopbackHost, isRegionId, REGION_ID_MAX } from '../base/hosts';
import type { EndpointOverride } from './config';
import { DataWorksError } from './errors';
import type { Product } from './transport';

export interface ResolvedEndpoint {
  /** `host[:port]`, no scheme: the form openapi-client wants. */
  readonly host: string;
  readonly protocol: 'http' | 'https';
  /** Extra headers: with an override the host no longer names the region, so the region travels as a header. */
  readonly headers: Readonly<Record<string, string>>;
}

/** `regional`: `dataworks.<region>.aliyuncs.com`; `central`: the one `dataworks.aliyuncs.com`. */
export type SdkEndpointKind = 'regional' | 'central';

export const CENTRAL_DATAWORKS_HOST = 'dataworks.aliyuncs.com';

/**
 * The DataWorks SDK's endpoint map, as data. Source: github.com/alibabacloud-go/dataworks-public-20200518,
 * client/client.go, `EndpointMap` in `Init` (2025 snapshot). The TS SDK's older map (dataworks-api.md §5) had more
 * regional entries (cn-zhangjiakou, cn-wulanchabu, the finance and gov clouds, ap-northeast-2, me-central-1); the Go
 * map is the newer one and wins. Regions in neither list are not refused: they get the regional pattern, which is
 * what the SDK's own endpoint rule would build for them, and a note in the log.
 */
const SDK_ENDPOINT_MAP: ReadonlyMap<string, SdkEndpointKind> = new Map<string, SdkEndpointKind>([
  ...[
    'ap-northeast-1', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-5',
    'cn-beijing', 'cn-chengdu', 'cn-hangzhou', 'cn-hongkong', 'cn-shanghai', 'cn-shenzhen',
    'eu-central-1', 'eu-west-1', 'me-east-1', 'us-east-1', 'us-west-1',
  ].map((id) => [id, 'regional'] as const),
  ...[
    'cn-huhehaote', 'cn-qingdao', 'cn-zhangjiakou', 'cn-hangzhou-finance', 'cn-shenzhen-finance-1',
    'cn-shanghai-finance-1', 'cn-north-2-gov-1',
  ].map((id) => [id, 'central'] as const),
]);

/** How the SDK's endpoint map reaches the region; undefined when the map does not list it. */
export function sdkEndpointKind(region: string): SdkEndpointKind | undefined {
  return SDK_ENDPOINT_MAP.get(region);
}

export interface EndpointOptions {
  readonly vpc?: boolean;
  readonly endpoint?: EndpointOverride;
  /** Names the call in a refusal. */
  readonly action?: string;
  /** Told when the region is not in the SDK's endpoint map (the regional pattern is used for it). */
  readonly onUnmappedRegion?: (region: string) => void;
}

/**
 * Where a call for `region` goes. Refuses, before anything is sent, a region that is not a plain region ID (it would
 * become part of the host name: `x@attacker.example/#` would send the signed request elsewhere) and an override that
 * would carry the signed request over plain http to another machine.
 */
export function resolveEndpoint(product: Product, region: string, opts: EndpointOptions): ResolvedEndpoint {
  const action = opts.action ?? 'ResolveEndpoint';
  if (!isRegionId(region)) {
    throw new DataWorksError({
      action, kind: 'api', code: 'InvalidRegion',
      message: `${JSON.stringify(String(region).slice(0, REGION_ID_MAX))} is not a region ID (lower-case letters, digits and dashes); nothing was sent`,
    });
  }
  if (opts.endpoint) {
    if (opts.endpoint.protocol === 'http' && !isLoopbackHost(opts.endpoint.host)) {
      throw new DataWorksError({
        action, kind: 'api', code: 'InsecureEndpoint',
        message: `The endpoint override http://${opts.endpoint.host} is refused: plain http is only allowed to this machine; nothing was sent`,
      });
    }
    return { host: opts.endpoint.host, protocol: opts.endpoint.protocol, headers: { 'x-acs-region-id': region } };
  }
  if (product === 'cloudapi') return { host: `apigateway.${region}.aliyuncs.com`, protocol: 'https', headers: {} };
  // The documented VPC pattern (example: cn-zhangjiakou). Which regions really serve it is unconfirmed, so it is used
  // for every region the user turns it on for, rather than guessed per region.
  if (opts.vpc) return { host: `dataworks-vpc.${region}.aliyuncs.com`, protocol: 'https', headers: {} };
  const kind = sdkEndpointKind(region);
  if (kind === undefined) opts.onUnmappedRegion?.(region);
  // Like the SDK: the central host gets no region header, the map is all it uses.
  return { host: kind === 'central' ? CENTRAL_DATAWORKS_HOST : `dataworks.${region}.aliyuncs.com`, protocol: 'https', headers: {} };
}
