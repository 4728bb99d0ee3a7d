// Key pairs the emulator knows. None of them is a real Alibaba Cloud credential; they are documented in README.md
// so that anyone can point the extension at the emulator.
import type { KeyRecord } from './signature';

export interface KeyPair {
  accessKeyId: string;
  accessKeySecret: string;
}
export interface StsKeyPair extends KeyPair {
  securityToken: string;
}

// Frozen because every test file shares these objects.
export const DEMO_CREDENTIALS: KeyPair = Object.freeze({
  accessKeyId: 'LTAIDEMOEMULATOR0000001',
  accessKeySecret: 'demo-secret-for-the-dataworks-emulator',
});

export const DEMO_STS_CREDENTIALS: StsKeyPair = Object.freeze({
  accessKeyId: 'STS.DEMOEMULATOR0000001',
  accessKeySecret: 'demo-sts-secret-for-the-dataworks-emulator',
  securityToken: 'CAIS-demo-security-token-for-the-dataworks-emulator',
});

/** An STS pair whose token is always reported as expired. */
export const EXPIRED_STS_CREDENTIALS: StsKeyPair = Object.freeze({
  accessKeyId: 'STS.DEMOEMULATOREXPIRED1',
  accessKeySecret: 'expired-sts-secret-for-the-dataworks-emulator',
  securityToken: 'CAIS-expired-security-token',
});

/** A RAM user without DSG write or API Gateway read permission: PERMISSION.DENIED.ERROR / Forbidden.RAM. */
export const RESTRICTED_CREDENTIALS: KeyPair = Object.freeze({
  accessKeyId: 'LTAIDEMORESTRICTED00001',
  accessKeySecret: 'restricted-secret-for-the-dataworks-emulator',
});

export interface KnownKey extends KeyRecord {
  readonly restricted?: boolean;
  /** UID reported as CreatorId for what this key creates. */
  readonly uid: string;
}
