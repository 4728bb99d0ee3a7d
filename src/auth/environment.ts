import type { Credentials } from '../api';
import type { Profile } from './profile';
import { ENVIRONMENT_PROFILE_NAME } from './profile';
import { maskAccessKeyId } from '../util/redact';
import { isRegionId } from '../base/hosts';

// The variable names the Alibaba Cloud CLI and SDKs read, so a shell that works with `aliyun` works here.
export const ENV_ACCESS_KEY_ID = 'ALIBABA_CLOUD_ACCESS_KEY_ID';
export const ENV_ACCESS_KEY_SECRET = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
export const ENV_SECURITY_TOKEN = 'ALIBABA_CLOUD_SECURITY_TOKEN';
export const ENV_REGION_ID = 'ALIBABA_CLOUD_REGION_ID';

export const DEFAULT_REGION = 'cn-hangzhou';

export type Env = Readonly<Record<string, string | undefined>>;

export interface EnvironmentProfile {
  readonly profile: Profile;
  readonly credentials: Credentials;
  /** ALIBABA_CLOUD_REGION_ID was set but is not a region ID, so DEFAULT_REGION is used instead. */
  readonly regionRefused?: true;
}

/** The read-only "Environment" profile, when both AccessKey variables are set. */
export function readEnvironmentProfile(env: Env): EnvironmentProfile | undefined {
  const accessKeyId = env[ENV_ACCESS_KEY_ID]?.trim();
  const accessKeySecret = env[ENV_ACCESS_KEY_SECRET]?.trim();
  if (!accessKeyId || !accessKeySecret) return undefined;
  const securityToken = env[ENV_SECURITY_TOKEN]?.trim() || undefined;
  const fromEnv = env[ENV_REGION_ID]?.trim() || undefined;
  // The region becomes part of the host name; one that is not a region ID is never used.
  const refused = fromEnv !== undefined && !isRegionId(fromEnv);
  const region = fromEnv !== undefined && !refused ? fromEnv : DEFAULT_REGION;
  return {
    ...(refused ? { regionRefused: true as const } : {}),
    profile: {
      name: ENVIRONMENT_PROFILE_NAME,
      region,
      mode: securityToken ? 'sts' : 'ak',
      source: 'environment',
      accessKeyIdHint: maskAccessKeyId(accessKeyId),
    },
    credentials: securityToken ? { accessKeyId, accessKeySecret, securityToken } : { accessKeyId, accessKeySecret },
  };
}
