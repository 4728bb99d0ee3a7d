import type { Credentials } from '../api';
import { isRegionId } from '../base/hosts';
import { profileNameProblem } from './profileStore';

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
  | { readonly kind: 'invalidRegion' }
  /** Not a name Add Profile accepts (line breaks, `/`, too long), or one the file names twice: never shown or logged. */
  | { readonly kind: 'invalidName' };

export interface SkippedCliProfile {
  readonly name: string;
  readonly mode: string;
  readonly reason: SkipReason;
}

/** Where a file that is not JSON goes wrong (1-based). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export type CliConfigResult =
  | { readonly ok: true; readonly profiles: readonly CliProfileCandidate[]; readonly skipped: readonly SkippedCliProfile[] }
  | { readonly ok: false; readonly problem: 'missing' }
  /** `detail`: the error code (EACCES and the like), never a message. */
  | { readonly ok: false; readonly problem: 'unreadable'; readonly detail?: string }
  /** Not JSON (`at`: where), or JSON without a `profiles` array (no `at`). Never any of the file's text. */
  | { readonly ok: false; readonly problem: 'malformed'; readonly at?: TextPosition }
  | { readonly ok: false; readonly problem: 'tooLarge'; readonly bytes: number };

/** The CLI's file holds a handful of profiles; anything this big is not one, and is not read into memory. */
export const MAX_CLI_CONFIG_BYTES = 1024 * 1024;

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
/** A mode is shown and logged: only a short word of the CLI's kind, anything else as `?`. */
const modeText = (mode: string): string => (/^[A-Za-z0-9_-]{1,32}$/.test(mode) ? mode : '?');

export function parseCliConfig(text: string): CliConfigResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    // Only where, never the parser's message: it quotes the text around the error, and the file holds secrets
    // (a secret on its own line after a lost quote comes out whole, across the line break).
    return { ok: false, problem: 'malformed', at: positionOf(text, firstJsonError(text)) };
  }
  if (typeof root !== 'object' || root === null || !Array.isArray((root as { profiles?: unknown }).profiles)) {
    return { ok: false, problem: 'malformed' };
  }
  const current = str((root as { current?: unknown }).current);
  const profiles: CliProfileCandidate[] = [];
  const skipped: SkippedCliProfile[] = [];
  const seen: string[] = [];
  for (const entry of (root as { profiles: unknown[] }).profiles) {
    if (typeof entry !== 'object' || entry === null) continue;
    const p = entry as Record<string, unknown>;
    const name = str(p.name);
    // The CLI compares modes case-insensitively and treats an empty mode as AK.
    const mode = modeText(str(p.mode) || 'AK');
    if (!name) {
      skipped.push({ name: '', mode, reason: { kind: 'noName' } });
      continue;
    }
    // Add Profile's rules (one printable line, no `/`, bounded): the name goes into log lines, storage keys and tree
    // ids. Two names that differ only in case would be one profile there. The name itself is dropped.
    const problem = profileNameProblem(name, seen);
    if (problem === 'empty' || problem === 'tooLong' || problem === 'invalid' || problem === 'duplicate') {
      skipped.push({ name: '', mode, reason: { kind: 'invalidName' } });
      continue;
    }
    seen.push(name);
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

/** The file size seam: production passes a stat, tests a fake. */
export type FileSize = (path: string) => Promise<number>;

export async function readCliConfig(path: string, readFile: ReadTextFile, fileSize?: FileSize): Promise<CliConfigResult> {
  let text: string;
  try {
    // Checked before reading, so that a huge file (or a device) is never read into memory.
    const bytes = fileSize ? await fileSize(path) : 0;
    if (bytes > MAX_CLI_CONFIG_BYTES) return { ok: false, problem: 'tooLarge', bytes };
    text = await readFile(path);
  } catch (e) {
    const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
    if (code === 'ENOENT') return { ok: false, problem: 'missing' };
    return typeof code === 'string' ? { ok: false, problem: 'unreadable', detail: code.slice(0, 40) } : { ok: false, problem: 'unreadable' };
  }
  // Also after reading: the file may have grown in between.
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CLI_CONFIG_BYTES) return { ok: false, problem: 'tooLarge', bytes };
  return parseCliConfig(text);
}

/** Line and column (1-based) of an offset. */
function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1, column: offset - lineStart + 1 };
}

class JsonStop extends Error {
  constructor(readonly at: number) {
    super('not JSON');
  }
}

/**
 * The offset of the first character that makes `text` invalid JSON (text.length when it ends too early). Our own
 * scanner, because the parser's message gives no position in every Node version and quotes the text instead.
 */
export function firstJsonError(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const fail = (): never => {
    throw new JsonStop(i);
  };
  const literal = (word: string): void => {
    for (const c of word) {
      if (text.charAt(i) !== c) fail();
      i++;
    }
  };
  const string = (): void => {
    if (text.charAt(i) !== '"') fail();
    i++;
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i++;
        const e = text.charAt(i);
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text.charAt(i + k))) { i += k; fail(); }
          i += 5;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i++;
        else fail();
      } else i++;
    }
  };
  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m?.[0].length ?? 0;
  };
  const value = (depth: number): void => {
    if (depth > 500) fail();
    ws();
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      ws();
      if (text.charAt(i) === '}') { i++; return; }
      for (;;) {
        ws();
        string();
        ws();
        if (text.charAt(i) !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text.charAt(i) === ',') { i++; continue; }
        if (text.charAt(i) === '}') { i++; return; }
        fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text.charAt(i) === ']') { i++; return; }
      for (;;) {
        value(depth + 1);
        ws();
        if (text.charAt(i) === ',') { i++; continue; }
        if (text.charAt(i) === ']') { i++; return; }
        fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    number();
  };
  try {
    // A byte order mark is not JSON either: JSON.parse refuses it at offset 0.
    value(0);
    ws();
    return i < text.length ? i : text.length;
  } catch (e) {
    return e instanceof JsonStop ? Math.min(e.at, text.length) : 0;
  }
}

/** Where the CLI keeps its configuration. */
export function cliConfigPath(homeDir: string, join: (...parts: string[]) => string): string {
  return join(homeDir, '.aliyun', 'config.json');
}
