// The emulator's data plus optional JSON persistence. Every mutation is written before the answer goes out, so
// a client that saw a success (or a timeout-after-write) finds the change after a restart.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatorData, RegionData, SeedName } from './model';
import { EDITIONS, emptyRegion } from './model';
import { buildSeed } from './seeds';

function looksLikeData(x: unknown): x is EmulatorData {
  if (typeof x !== 'object' || x === null) return false;
  const d = x as Partial<EmulatorData>;
  return d.schemaVersion === 1
    && typeof d.regions === 'object' && d.regions !== null
    && Array.isArray(d.tenantUsers) && Array.isArray(d.userGroups)
    && typeof d.nextUserGroupId === 'number'
    && typeof d.edition === 'string' && (EDITIONS as readonly string[]).includes(d.edition);
}

export class Store {
  private constructor(
    private data: EmulatorData,
    private readonly statePath: string | undefined,
  ) {}

  /** Loads `statePath` if it exists (the seed is then ignored), otherwise builds the seed and writes it. */
  static open(seed: SeedName, statePath?: string): Store {
    if (statePath && existsSync(statePath)) {
      const parsed: unknown = JSON.parse(readFileSync(statePath, 'utf8'));
      if (!looksLikeData(parsed)) throw new Error(`${statePath} is not an emulator state file (schemaVersion 1)`);
      return new Store(parsed, statePath);
    }
    const store = new Store(buildSeed(seed), statePath);
    store.persist();
    return store;
  }

  get current(): EmulatorData {
    return this.data;
  }

  /** A region nobody has data in reads as empty; it is only created when something is written to it. */
  region(regionId: string): RegionData {
    return this.data.regions[regionId] ?? emptyRegion();
  }

  /** Replaces the whole data model (the admin API's POST /__admin/state), for data the actions would refuse. */
  replace(data: unknown): void {
    if (!looksLikeData(data)) throw new Error('not an emulator state (schemaVersion 1)');
    this.data = data;
    this.persist();
  }

  mutate<T>(fn: (data: EmulatorData) => T): T {
    const result = fn(this.data);
    this.persist();
    return result;
  }

  regionForWrite(regionId: string): RegionData {
    let r = this.data.regions[regionId];
    if (!r) {
      r = emptyRegion();
      this.data.regions[regionId] = r;
    }
    return r;
  }

  snapshot(): EmulatorData {
    return structuredClone(this.data);
  }

  /** Temp file + rename: a crash or a concurrent reader never sees a half-written file. */
  persist(): void {
    if (!this.statePath) return;
    mkdirSync(dirname(this.statePath), { recursive: true });
    const tmp = `${this.statePath}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.statePath);
  }
}
