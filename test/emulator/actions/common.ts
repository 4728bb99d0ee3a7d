// Shared plumbing of the action handlers: where parameters are read from, typed parameter parsing that fails with
// the right family of error, paging and the time formats of the different APIs.
import type { KnownKey } from '../credentials';
import { DSG, invalidParameter, missingParameter } from '../errors';
import type { Edition } from '../model';
import type { Store } from '../store';
import type { DsgKindFilters, DsgListShape } from '../wire';

/** Where an action's business parameters travel (reference §2.0). */
export type Placement = 'query' | 'body';

export class Params {
  constructor(
    private readonly query: ReadonlyMap<string, string>,
    private readonly body: ReadonlyMap<string, string>,
    private readonly placement: Placement,
  ) {}

  get(name: string): string | undefined {
    return (this.placement === 'query' ? this.query : this.body).get(name);
  }

  /** Sent, but in the other place: the real SDK never does that, so it points at a client bug. */
  misplaced(name: string): boolean {
    return this.get(name) === undefined && (this.placement === 'query' ? this.body : this.query).has(name);
  }

  /** All parameters in the action's place whose name starts with `prefix` (for flattened `Tag.1.Key`). */
  withPrefix(prefix: string): [string, string][] {
    return [...(this.placement === 'query' ? this.query : this.body)].filter(([k]) => k.startsWith(prefix));
  }

  get where(): string {
    return this.placement === 'query' ? 'the query string' : 'the form body';
  }
}

export interface ActionContext {
  readonly store: Store;
  readonly region: string;
  readonly params: Params;
  readonly caller: KnownKey;
  /** Whole-second ISO time of this request. */
  readonly nowIso: string;
  /** DsgUserGroupQueryList items: exactly the SDK model, or with the emulator's extra fields. */
  readonly listShape: DsgListShape;
  /** Whether DsgUserGroupQueryList applies its type and project filters. */
  readonly kindFilters: DsgKindFilters;
}

export type ActionResult = Record<string, unknown>;

export interface ActionSpec {
  readonly product: 'dataworks' | 'cloudapi';
  readonly placement: Placement;
  readonly handler: (ctx: ActionContext) => ActionResult;
  /** Data Security Guard action: DSG error shape, Professional edition or higher. */
  readonly dsg?: boolean;
  readonly minEdition?: Edition;
  /** What RESTRICTED_CREDENTIALS get: DSG permission error or a RAM denial. */
  readonly restricted?: 'dsg' | 'ram';
}

// --- DataWorks / CloudAPI style parameters: MissingParameter / InvalidParameter ------------------------------

export function requireString(p: Params, name: string): string {
  const v = p.get(name);
  if (v === undefined) {
    const e = missingParameter(name);
    if (p.misplaced(name)) e.message += ` It was sent, but not in ${p.where}.`;
    throw e;
  }
  return v;
}

function parseInteger(v: string): number | undefined {
  return /^-?\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : undefined;
}

export function optionalInt(p: Params, name: string, min: number, max: number, fallback: number): number {
  const raw = p.get(name);
  if (raw === undefined || raw === '') return fallback;
  const n = parseInteger(raw);
  if (n === undefined || n < min || n > max) throw invalidParameter(name, `Valid values: ${min} to ${max}.`);
  return n;
}

export function requireInt(p: Params, name: string): number {
  const raw = requireString(p, name);
  const n = parseInteger(raw);
  if (n === undefined) throw invalidParameter(name, 'An integer is expected.');
  return n;
}

// --- DSG style parameters: every problem is PARAMS.ERROR --------------------------------------------------------

export function dsgInt(p: Params, name: string, required: boolean): number | undefined {
  const raw = p.get(name);
  if (raw === undefined || raw === '') {
    if (required) throw DSG.params();
    return undefined;
  }
  const n = parseInteger(raw);
  if (n === undefined) throw DSG.params();
  return n;
}

export function dsgJson(p: Params, name: string): unknown {
  const raw = p.get(name);
  if (raw === undefined || raw.trim() === '') throw DSG.params();
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw DSG.params();
  }
}

// --- Paging and times -------------------------------------------------------------------------------------------

export function page<T>(items: readonly T[], pageNumber: number, pageSize: number): T[] {
  const start = (pageNumber - 1) * pageSize;
  return items.slice(start, start + pageSize);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
/** DataWorks answers in China Standard Time. */
const cst = (iso: string): Date => new Date(Date.parse(iso) + 8 * 3_600_000);

/** DSG: `2024-05-10 17:14:44`. */
export function dsgTime(iso: string): string {
  const d = cst(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** DataService Studio: `2020-09-24T18:37:51+0800`. */
export function dataServiceTime(iso: string): string {
  return `${dsgTime(iso).replace(' ', 'T')}+0800`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** GetProject: `Oct 10, 2019 3:42:53 PM`. */
export function projectTime(iso: string): string {
  const d = cst(iso);
  const h = d.getUTCHours();
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** CloudAPI: `2016-08-01T08:45:15Z` (UTC). */
export const cloudApiTime = (iso: string): string => iso.replace(/\.\d{3}Z$/, 'Z');

export const nowIso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const contains = (haystack: string, needle: string): boolean => haystack.toLowerCase().includes(needle.toLowerCase());
