import type { Credentials } from '../api';
import { Emitter } from '../util/event';
import { isFormKeyOf } from '../util/formKeys';
import { maskAccessKeyId } from '../util/redact';
import type { Env, EnvironmentProfile } from './environment';
import { readEnvironmentProfile } from './environment';
import type { CredentialsResult, Profile, ProfileInfo, ProfileViewState } from './profile';
import { ENVIRONMENT_PROFILE_NAME } from './profile';
import type { KeyValueStore, SecretStore } from './stores';
import { DEFAULT_REGION } from './environment';
import { isRegionId } from '../base/hosts';

// Non-secret profile data lives in globalState under these keys; secrets only under SECRET_PREFIX in
// SecretStorage, one JSON value per profile so that ID, secret and token are written and removed together.
export const PROFILES_KEY = 'dataworks.profiles';
export const ACTIVE_PROFILE_KEY = 'dataworks.activeProfile';
export const VIEW_STATE_PREFIX = 'dataworks.profileState.';
export const SECRET_PREFIX = 'dataworks.credentials.';

export type ProfileNameProblem = 'empty' | 'tooLong' | 'invalid' | 'reserved' | 'duplicate';

const MAX_NAME_LENGTH = 64;

export function profileNameProblem(name: string, existing: readonly string[]): ProfileNameProblem | undefined {
  const n = name.trim();
  if (!n) return 'empty';
  if (n.length > MAX_NAME_LENGTH) return 'tooLong';
  // The name is part of storage keys and tree ids; keep it to one printable line.
  if (/[\r\n\t/\\]/.test(n)) return 'invalid';
  if (n.toLowerCase() === ENVIRONMENT_PROFILE_NAME.toLowerCase()) return 'reserved';
  if (existing.some((e) => e.toLowerCase() === n.toLowerCase())) return 'duplicate';
  return undefined;
}

export type ProfileChange =
  | { readonly kind: 'profiles' }
  | { readonly kind: 'active' }
  | { readonly kind: 'credentials'; readonly name: string }
  | { readonly kind: 'viewState'; readonly name: string };

export interface ProfileStoreOptions {
  readonly secrets: SecretStore;
  readonly state: KeyValueStore;
  /** Where the forms keep their drafts (workspaceState): a removed profile's drafts go with it. */
  readonly drafts?: KeyValueStore;
  readonly env: Env;
  /** Learns every secret read or stored, so that the log can redact it. */
  readonly onSecret?: (credentials: Credentials) => void;
  /** Told about storage failures (without the values). */
  readonly onStorageError?: (message: string) => void;
  /**
   * Told, once per profile and place, that a region found there is not a region ID and was not used: `environment`
   * (ALIBABA_CLOUD_REGION_ID; DEFAULT_REGION instead), `stored` (the profile's region; DEFAULT_REGION instead),
   * `view` (a remembered active or extra region; dropped).
   */
  readonly onRefusedRegion?: (profile: string, where: RefusedRegionSource) => void;
}

export type RefusedRegionSource = 'environment' | 'stored' | 'view';

function parseCredentials(text: string): Credentials | undefined {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return undefined;
    const o = v as Record<string, unknown>;
    if (typeof o.accessKeyId !== 'string' || typeof o.accessKeySecret !== 'string') return undefined;
    if (!o.accessKeyId || !o.accessKeySecret) return undefined;
    const token = typeof o.securityToken === 'string' && o.securityToken ? o.securityToken : undefined;
    return token
      ? { accessKeyId: o.accessKeyId, accessKeySecret: o.accessKeySecret, securityToken: token }
      : { accessKeyId: o.accessKeyId, accessKeySecret: o.accessKeySecret };
  } catch {
    return undefined;
  }
}

function isProfileInfo(v: unknown): v is ProfileInfo {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.name === 'string' && typeof o.region === 'string' && (o.mode === 'ak' || o.mode === 'sts');
}

/** How long a SecretStorage change event may take to come back for a write of our own. */
const OWN_WRITE_ECHO_MS = 10_000;

/**
 * Profiles: metadata in globalState, credentials in SecretStorage. Every SecretStorage access is guarded:
 * SecretStorage can lose or fail to decrypt values, and that must show as "sign in again", never as a crash.
 */
export class ProfileStore {
  private readonly changed = new Emitter<ProfileChange>();
  readonly onDidChange = this.changed.event;
  private readonly environment: EnvironmentProfile | undefined;
  /** Secrets this store wrote or deleted and whose SecretStorage echo has not come back yet: key → times (ms). */
  private readonly ownWrites = new Map<string, number[]>();
  private readonly refusedReported = new Set<string>();

  constructor(private readonly options: ProfileStoreOptions) {
    this.environment = readEnvironmentProfile(options.env);
    if (this.environment) options.onSecret?.(this.environment.credentials);
    if (this.environment?.regionRefused) this.refused(ENVIRONMENT_PROFILE_NAME, 'environment');
  }

  /** Stored profiles in creation order, then the Environment profile. */
  list(): readonly Profile[] {
    const stored = this.storedInfos().map((p): Profile => ({ ...p, source: 'stored' }));
    return this.environment ? [...stored, this.environment.profile] : stored;
  }

  get(name: string): Profile | undefined {
    return this.list().find((p) => p.name === name);
  }

  /** The selected profile; without a selection the Environment profile, else the first stored one. */
  active(): Profile | undefined {
    const selected = this.options.state.get<string>(ACTIVE_PROFILE_KEY);
    const byName = selected === undefined ? undefined : this.get(selected);
    return byName ?? this.environment?.profile ?? this.list()[0];
  }

  async setActive(name: string): Promise<void> {
    if (!this.get(name)) throw new Error(`No profile named "${name}".`);
    await this.options.state.update(ACTIVE_PROFILE_KEY, name);
    this.changed.fire({ kind: 'active' });
  }

  /**
   * Saves a new profile or replaces one. The secret is written first: if SecretStorage refuses it,
   * no half-made profile is left in globalState.
   */
  async save(info: ProfileInfo, credentials: Credentials, options: { readonly activate?: boolean } = {}): Promise<void> {
    if (info.name === ENVIRONMENT_PROFILE_NAME) throw new Error('The Environment profile is read-only.');
    if (!isRegionId(info.region)) throw new RangeError('Not a region ID.');
    this.options.onSecret?.(credentials);
    this.noteOwnWrite(SECRET_PREFIX + info.name);
    await this.options.secrets.store(SECRET_PREFIX + info.name, JSON.stringify(credentials));
    const clean: ProfileInfo = {
      name: info.name,
      region: info.region,
      mode: credentials.securityToken ? 'sts' : 'ak',
      ...(info.endpoint ? { endpoint: info.endpoint } : {}),
      accessKeyIdHint: maskAccessKeyId(credentials.accessKeyId),
    };
    const others = this.storedInfos().filter((p) => p.name !== info.name);
    const existed = others.length !== this.storedInfos().length;
    await this.options.state.update(PROFILES_KEY, [...others, clean]);
    // Selecting the new profile here, not in a second step, makes one change: every change rebuilds the tree,
    // and a row the user expands between two rebuilds is lost.
    if (options.activate) await this.options.state.update(ACTIVE_PROFILE_KEY, info.name);
    this.changed.fire(existed && !options.activate ? { kind: 'credentials', name: info.name } : { kind: 'profiles' });
  }

  /** Removes the profile, its secret, its view state and its form drafts (names, owners, accounts typed for it). */
  async remove(name: string): Promise<void> {
    if (name === ENVIRONMENT_PROFILE_NAME && this.environment) throw new Error('The Environment profile is read-only.');
    this.noteOwnWrite(SECRET_PREFIX + name);
    await this.options.secrets.delete(SECRET_PREFIX + name);
    await this.options.state.update(PROFILES_KEY, this.storedInfos().filter((p) => p.name !== name));
    await this.options.state.update(VIEW_STATE_PREFIX + name, undefined);
    // Drafts of this window's workspace only: another workspace's state is out of reach (SECURITY.md says so).
    for (const store of [this.options.drafts, this.options.state]) {
      if (!store) continue;
      for (const key of store.keys().filter((k) => isFormKeyOf(k, name))) await store.update(key, undefined);
    }
    if (this.options.state.get<string>(ACTIVE_PROFILE_KEY) === name) {
      await this.options.state.update(ACTIVE_PROFILE_KEY, undefined);
    }
    this.changed.fire({ kind: 'profiles' });
  }

  async getCredentials(name: string): Promise<CredentialsResult> {
    if (name === ENVIRONMENT_PROFILE_NAME && this.environment) {
      return { ok: true, credentials: this.environment.credentials };
    }
    let text: string | undefined;
    try {
      text = await this.options.secrets.get(SECRET_PREFIX + name);
    } catch (e) {
      this.options.onStorageError?.(`Reading the secret of profile "${name}" failed: ${e instanceof Error ? e.name : 'error'}`);
      return { ok: false, reason: 'unreadable' };
    }
    if (text === undefined) return { ok: false, reason: 'missing' };
    const credentials = parseCredentials(text);
    if (!credentials) return { ok: false, reason: 'unreadable' };
    this.options.onSecret?.(credentials);
    return { ok: true, credentials };
  }

  viewState(name: string): ProfileViewState {
    const v = this.options.state.get<ProfileViewState>(VIEW_STATE_PREFIX + name) ?? {};
    const active = v.activeRegion;
    const extra = Array.isArray(v.extraRegions) ? v.extraRegions : undefined;
    const badActive = active !== undefined && !isRegionId(active);
    const goodExtra = extra?.filter(isRegionId);
    if (!badActive && goodExtra?.length === extra?.length) return v;
    this.refused(name, 'view');
    const clean: { -readonly [K in keyof ProfileViewState]: ProfileViewState[K] } = { ...v };
    if (badActive) delete clean.activeRegion;
    if (goodExtra?.length) clean.extraRegions = goodExtra;
    else delete clean.extraRegions;
    return clean;
  }

  async updateViewState(name: string, patch: Partial<ProfileViewState>): Promise<void> {
    if ((patch.activeRegion !== undefined && !isRegionId(patch.activeRegion)) || (patch.extraRegions && !patch.extraRegions.every(isRegionId))) {
      throw new RangeError('Not a region ID.');
    }
    const next: Record<string, unknown> = { ...this.viewState(name), ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
    await this.options.state.update(VIEW_STATE_PREFIX + name, next);
    this.changed.fire({ kind: 'viewState', name });
  }

  /** The region palette commands use and the status bar shows. */
  activeRegion(profile: Profile): string {
    return this.viewState(profile.name).activeRegion ?? profile.region;
  }

  /** Regions shown as roots: the active one first, then the extra ones. */
  visibleRegions(profile: Profile): readonly string[] {
    const active = this.activeRegion(profile);
    const extra = this.viewState(profile.name).extraRegions ?? [];
    return [active, ...extra.filter((r) => r !== active)];
  }

  /**
   * SecretStorage reports every change, including the ones this store just made and announced itself; those echoes
   * are dropped. A change made by another window, or by this one over 10 s ago, is reported as new credentials.
   */
  handleSecretChange(key: string, now = Date.now()): void {
    if (!key.startsWith(SECRET_PREFIX)) return;
    const pending = (this.ownWrites.get(key) ?? []).filter((t) => now - t < OWN_WRITE_ECHO_MS);
    const echo = pending.length > 0;
    if (echo) pending.shift();
    if (pending.length > 0) this.ownWrites.set(key, pending);
    else this.ownWrites.delete(key);
    if (!echo) this.changed.fire({ kind: 'credentials', name: key.slice(SECRET_PREFIX.length) });
  }

  private noteOwnWrite(key: string): void {
    this.ownWrites.set(key, [...(this.ownWrites.get(key) ?? []), Date.now()]);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private storedInfos(): readonly ProfileInfo[] {
    const v = this.options.state.get<unknown>(PROFILES_KEY);
    // A region stored by an older version (an imported CLI profile, say) may not be a region ID: the profile is kept
    // (its secret is still there) but that region is never used.
    return Array.isArray(v) ? v.filter(isProfileInfo).map((p) => {
      if (isRegionId(p.region)) return p;
      this.refused(p.name, 'stored');
      return { ...p, region: DEFAULT_REGION };
    }) : [];
  }

  private refused(profile: string, where: RefusedRegionSource): void {
    const key = `${where}\u0000${profile}`;
    if (this.refusedReported.has(key)) return;
    this.refusedReported.add(key);
    this.options.onRefusedRegion?.(profile, where);
  }
}
