import { asDataWorksError, rejectedCredential, type CredentialField } from '../base/errors';

// Add Profile verifies a key with one cheap call. A rejection goes back to the step whose input is wrong,
// with the server's verdict as that input's validation message.

export type CredentialStep = 'accessKeyId' | 'secret' | 'token';

const STEP_OF_FIELD: Readonly<Record<CredentialField, CredentialStep>> = {
  accessKeyId: 'accessKeyId',
  accessKeySecret: 'secret',
  securityToken: 'token',
};

function isCredentialField(field: string): field is CredentialField {
  return Object.prototype.hasOwnProperty.call(STEP_OF_FIELD, field);
}

export function stepForRejection(e: unknown): CredentialStep | undefined {
  const dw = asDataWorksError(e);
  if (!dw) return undefined;
  // The API layer names the credential a rejection concerns; the code is the fallback.
  const field = dw.field !== undefined && isCredentialField(dw.field) ? dw.field : rejectedCredential(dw.code);
  return field === undefined ? undefined : STEP_OF_FIELD[field];
}
