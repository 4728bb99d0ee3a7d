// Stands in for @alicloud/credentials inside dist/api.js (esbuild.js aliases the package to this file).
// openapi-client only ever builds it from the static keys we pass (type `access_key` or `sts`); the real package
// also carries the default provider chain (environment, ~/.aliyun files, ECS metadata, OIDC), which must never
// run here — the keys come from SecretStorage — and which is 40% of the SDK's code that the first API call parses.
// test/unit/api/staticCredentials.test.ts holds this to the real package's answers for both types.

/** The fields openapi-client reads from `getCredential()`. */
export interface CredentialModel {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken: string | undefined;
  readonly bearerToken: undefined;
  readonly type: 'access_key' | 'sts';
  readonly providerName: 'static_ak' | 'static_sts';
}

export class Config {
  type?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;

  constructor(config: Record<string, unknown> = {}) {
    Object.assign(this, config);
  }
}

export default class Credential {
  private readonly model: CredentialModel;

  constructor(config: Config | null = null) {
    const { type, accessKeyId, accessKeySecret, securityToken } = config ?? {};
    if (type !== 'access_key' && type !== 'sts') {
      throw new Error(`Only static AccessKey or STS credentials are supported here, not ${type ?? 'the default chain'}`);
    }
    // Unlike the real providers, no fallback to ALIBABA_CLOUD_* environment variables: a missing key is a bug.
    if (!accessKeyId || !accessKeySecret) throw new Error('the access key id or secret is empty');
    if (type === 'sts' && !securityToken) throw new Error('the security token is empty');
    this.model = {
      accessKeyId,
      accessKeySecret,
      securityToken: type === 'sts' ? securityToken : undefined,
      bearerToken: undefined,
      type,
      providerName: type === 'sts' ? 'static_sts' : 'static_ak',
    };
  }

  getCredential(): Promise<CredentialModel> {
    return Promise.resolve(this.model);
  }

  getAccessKeyId(): Promise<string> {
    return Promise.resolve(this.model.accessKeyId);
  }

  getAccessKeySecret(): Promise<string> {
    return Promise.resolve(this.model.accessKeySecret);
  }

  getSecurityToken(): Promise<string | undefined> {
    return Promise.resolve(this.model.securityToken);
  }

  getBearerToken(): undefined {
    return undefined;
  }

  getType(): string {
    return this.model.type;
  }
}
