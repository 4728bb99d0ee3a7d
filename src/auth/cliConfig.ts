import type { Credentials } from '../api/config';
import { isRegionId } from '../shared/hosts';

// Reads the Alibaba Cloud CLI's ~/.aliyun/config.json. Read-only by design: the CLI owns that file and
// the user's terminal depends on it. Only modes that carry a usable key pair are imported; the rest are
// reported with the reason, so the user knows why a profile did not come across.

export interface CliProfileCandidate {
  readonly name: string;
  readonly region: string | undefined;
  readonly credentials: Credentials;
  /** The CLI's `current` profile. */
  readonly current: boolean;
}

export type SkipReason =
  | { readonly kind: 'unsupportedMode'; readonly mode: string }
  | { readonly kind: 'incomplete'; readonly missing: readonly string[] }
  | { readonly kind: 'noName' }
  /** region_id is not a region ID: it would become part of the host name the signed requests go to. */
  | { readonly kind: 'invalidRegion' };

export interface SkippedCliProfile {
  readonly name: string;
  readonly mode: string;
  readonly reason: SkipReason;
}

export type CliConfigResult =
  | { readonly ok: true; readonly profiles: readonly CliProfileCandidate[]; readonly skipped: readonly SkippedCliProfile[] }
  | { readonly ok: false; readonly problem: 'missing' | 'unreadable' | 'malformed'; readonly detail?: string };

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function parseCliConfig(text: string): CliConfigResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    // Only the parser's position, never the text: the file holds secrets.
    const detail = e instanceof SyntaxError ? e.message.replace(/".*"/g, '…').slice(0, 120) : undefined;
    return { ok: false, problem: 'malformed', detail };
  }
  if (typeof root !== 'object' || root === null || !Array.isArray((root as { profiles?: unknown }).profiles)) {
    return { ok: false, problem: 'malformed', detail: 'no "profiles" array' };
  }
  const current = str((root as { current?: unknown }).current);
  const profiles: CliProfileCandidate[] = [];
  const skipped: SkippedCliProfile[] = [];
  for (const entry of (root as { profiles: unknown[] }).profiles) {
    if (typeof entry !== 'object' || entry === null) continue;
    const p = entry as Record<string, unknown>;
    const name = str(p.name);
    // The CLI compares modes case-insensitively and treats an empty mode as AK.
    const mode = str(p.mode) || 'AK';
    if (!name) {
      skipped.push({ name: '', mode, reason: { kind: 'noName' } });
      continue;
    }
    const normalized = mode.toLowerCase();
    if (normalized !== 'ak' && normalized !== 'ststoken') {
      skipped.push({ name, mode, reason: { kind: 'unsupportedMode', mode } });
      continue;
    }
    const accessKeyId = str(p.access_key_id);
    const accessKeySecret = str(p.access_key_secret);
    const stsToken = str(p.sts_token);
    const missing = [
      ...(accessKeyId ? [] : ['access_key_id']),
      ...(accessKeySecret ? [] : ['access_key_secret']),
      ...(normalized === 'ststoken' && !stsToken ? ['sts_token'] : []),
    ];
    if (missing.length) {
      skipped.push({ name, mode, reason: { kind: 'incomplete', missing } });
      continue;
    }
    const region = str(p.region_id) || undefined;
    if (region !== undefined && !isRegionId(region)) {
      skipped.push({ name, mode, reason: { kind: 'invalidRegion' } });
      continue;
    }
    profiles.push({
      name,
      region,
      credentials: normalized === 'ststoken'
        ? { accessKeyId, accessKeySecret, securityToken: stsToken }
        : { accessKeyId, accessKeySecret },
      current: name === current,
    });
  }
  return { ok: true, profiles, skipped };
}

/** The file reader seam: production passes fs.promises.readFile, tests a fake. */
export type ReadTextFile = (path: string) => Promise<string>;

export async function readCliConfig(path: string, readFile: ReadTextFile): Promise<CliConfigResult> {
  let text: string;
  try {
    text = await readFile(path);
  } catch (e) {
    const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
    return code === 'ENOENT' ? { ok: false, problem: 'missing' } : { ok: false, problem: 'unreadable', detail: typeof code === 'string' ? code : undefined };
  }
  return parseCliConfig(text);
}

/** Where the CLI keeps its configuration. */
export function cliConfigPath(homeDir: string, join: (...parts: string[]) => string): string {
  return join(homeDir, '.aliyun', 'config.json');
}
