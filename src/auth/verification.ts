import { asApiError } from '../util/errors';

// Add Profile verifies a key with one cheap call. A rejection goes back to the step whose input is wrong,
// with the server's verdict as that input's validation message.

export type CredentialStep = 'accessKeyId' | 'secret' | 'token';

const STEP_OF_FIELD: Readonly<Record<string, CredentialStep>> = {
  accessKeyId: 'accessKeyId',
  accessKeySecret: 'secret',
  securityToken: 'token',
};

export function stepForRejection(e: unknown): CredentialStep | undefined {
  const api = asApiError(e);
  // The API layer names the credential a rejection concerns; the codes are the fallback.
  const byField = api?.field === undefined ? undefined : STEP_OF_FIELD[api.field];
  if (byField) return byField;
  const code = api?.code.toLowerCase();
  if (!code) return undefined;
  if (code.startsWith('invalidaccesskeyid')) return 'accessKeyId';
  if (code === 'signaturedoesnotmatch' || code === 'incompletesignature') return 'secret';
  if (code.startsWith('invalidsecuritytoken')) return 'token';
  return undefined;
}

/**
 * The key was accepted but may not list workspaces (a RAM user scoped to user groups, an edition without
 * the API). The credentials themselves are fine, so the profile can be saved.
 */
export function isPermissionOnly(e: unknown): boolean {
  const api = asApiError(e);
  if (!api || api.kind !== 'api') return false;
  const code = api.code.toLowerCase();
  return code.startsWith('forbidden') || code.startsWith('permission.denied') || code === 'nopermission';
}
