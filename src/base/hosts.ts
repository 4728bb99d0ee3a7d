// Region IDs come from outside (the CLI's config file, ALIBABA_CLOUD_REGION_ID, stored profiles, a restored form's
// state) and end up inside a host name. One rule for all of them, so that none can carry `@`, `/`, `:` or `#` and
// turn `dataworks.<region>.aliyuncs.com` into someone else's host.

/** Longest region ID accepted; the real ones are under 25 characters. */
export const REGION_ID_MAX = 64;

/** Lower-case letters, digits and inner dashes: `cn-hangzhou`, `cn-north-2-gov-1`. */
export const REGION_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export function isRegionId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= REGION_ID_MAX && REGION_ID_PATTERN.test(value);
}

/**
 * Whether `host[:port]` names this machine: `localhost`, 127.0.0.0/8 or `[::1]`. Plain http is only acceptable to
 * these: anywhere else the AccessKey ID, the signature and an STS token would cross the network in clear text.
 */
export function isLoopbackHost(hostAndPort: string): boolean {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/.exec(hostAndPort.toLowerCase());
  const host = m?.[1];
  if (host === undefined) return false;
  if (host === 'localhost' || host === '[::1]') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
}
