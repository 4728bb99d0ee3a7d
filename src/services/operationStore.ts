// The Recent Operations file (in the extension's global storage): every window of every workspace shares it.
// - Written atomically (a temp file, then a rename): a crash never leaves half a file.
// - Every change re-reads the file under a lock file and merges by entry id (operations.ts), so two windows
//   appending at the same time both keep their entries.
// - A file that does not parse, or that is not ours, is set aside (renamed) with a log line and the list starts empty.
// - An entry another session left 'running' (its window was reloaded or closed mid-request) reads as 'unknown'.
// No vscode: the store takes a small fs port (nodeStoreFs below, or a fake in the unit tests).
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Emitter, type Event } from '../util/event';
import type * as Codec from '../shared/operationCodec';
import { FILE_FORMAT, FILE_VERSION, mergeEntries, type OperationEntry } from './operations';

export const OPERATIONS_FILE = 'recent-operations.json';
export const MAX_OPERATIONS = 500;

/** The file operations the store needs. */
export interface StoreFs {
  /** The file's text; undefined when it does not exist. */
  read(path: string): Promise<string | undefined>;
  write(path: string, data: string): Promise<void>;
  /** Replaces `to` if it exists. */
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Creates the file only if it does not exist yet; false when it does. */
  createExclusive(path: string, data: string): Promise<boolean>;
  /** Last modification time in ms; undefined when the file does not exist. */
  modifiedAt(path: string): Promise<number | undefined>;
  mkdir(path: string): Promise<void>;
}

const isCode = (e: unknown, code: string): boolean => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;

export const nodeStoreFs: StoreFs = {
  read: async (path) => {
    try {
      return await readFile(path, 'utf8');
    } catch (e) {
      if (isCode(e, 'ENOENT')) return undefined;
      throw e;
    }
  },
  write: (path, data) => writeFile(path, data, 'utf8'),
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
  createExclusive: async (path, data) => {
    try {
      const h = await open(path, 'wx');
      await h.writeFile(data, 'utf8').finally(() => h.close());
      return true;
    } catch (e) {
      if (isCode(e, 'EEXIST')) return false;
      throw e;
    }
  },
  modifiedAt: async (path) => {
    try {
      return (await stat(path)).mtimeMs;
    } catch (e) {
      if (isCode(e, 'ENOENT')) return undefined;
      throw e;
    }
  },
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
};

/** The file's parser (shared/operationCodec.ts, with zod: loaded with dist/deferred.js). */
export type OperationCodec = Pick<typeof Codec, 'parseOperationsFile' | 'parseOperationEntry'>;

export interface OperationStoreOptions {
  readonly fs: StoreFs;
  readonly codec: () => Promise<OperationCodec>;
  /** The folder of the file (context.globalStorageUri's path). */
  readonly dir: string;
  /** This extension host's session: its own 'running' entries are in flight, other sessions' were interrupted. */
  readonly session: string;
  readonly log: (message: string) => void;
  readonly cap?: number;
  readonly now?: () => number;
  /** How long to wait for another window's lock before giving up (ms). */
  readonly lockWaitMs?: number;
  /** A lock older than this was left by a window that died holding it (ms). */
  readonly staleLockMs?: number;
}

export class OperationStore {
  private entries: OperationEntry[] = [];
  private loaded = false;
  /** This window's changes, one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changed = new Emitter<void>();
  readonly onDidChange: Event<void> = this.changed.event;
  private readonly file: string;
  private readonly lock: string;
  private writes = 0;

  constructor(private readonly o: OperationStoreOptions) {
    this.file = join(o.dir, OPERATIONS_FILE);
    this.lock = `${this.file}.lock`;
  }

  private now(): number {
    return this.o.now?.() ?? Date.now();
  }

  /** The entries, newest first (read from the file the first time). */
  async list(): Promise<readonly OperationEntry[]> {
    if (!this.loaded) await this.reload();
    return this.entries;
  }

  /** The entries as the file holds them now (another window may have written since). */
  reload(): Promise<readonly OperationEntry[]> {
    return this.serial(async () => {
      this.entries = await this.withLock(() => this.readFile(), () => this.readFile());
      this.loaded = true;
      this.changed.fire();
      return this.entries;
    });
  }

  /** Adds or updates entries (merged with what the file holds now). */
  upsert(...changes: OperationEntry[]): Promise<void> {
    return this.serial(() => this.update((current) => mergeEntries(current, changes, this.o.cap ?? MAX_OPERATIONS)));
  }

  /** Forgets every entry, in every window. */
  clear(): Promise<void> {
    return this.serial(() => this.update(() => []));
  }

  get(id: string): OperationEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async update(change: (current: OperationEntry[]) => OperationEntry[]): Promise<void> {
    const written = await this.withLock(async () => {
      const next = change(await this.readFile());
      await this.writeFile(next);
      return next;
    });
    this.entries = written;
    this.loaded = true;
    this.changed.fire();
  }

  private async readFile(): Promise<OperationEntry[]> {
    let text: string | undefined;
    try {
      text = await this.o.fs.read(this.file);
    } catch (e) {
      this.o.log(`Recent operations: ${OPERATIONS_FILE} could not be read (${errorText(e)}); starting empty`);
      return [];
    }
    if (text === undefined) return [];
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.setAside('is not valid JSON');
    }
    const codec = await this.o.codec();
    const raws = codec.parseOperationsFile(json);
    if (!raws) return this.setAside('is not a recent-operations file of this version');
    const entries: OperationEntry[] = [];
    let dropped = 0;
    for (const raw of raws) {
      const e = codec.parseOperationEntry(raw);
      if (e) entries.push(this.interruptedIfForeign(e));
      else dropped++;
    }
    if (dropped > 0) this.o.log(`Recent operations: ignored ${dropped} entr${dropped === 1 ? 'y' : 'ies'} that did not parse`);
    return mergeEntries([], entries, this.o.cap ?? MAX_OPERATIONS);
  }

  /** An entry left running by another session will never be finished by it: its outcome is unknown. */
  private interruptedIfForeign(e: OperationEntry): OperationEntry {
    if (e.status !== 'running' || e.session === this.o.session) return e;
    return { ...e, status: 'unknown', interrupted: true };
  }

  private async setAside(why: string): Promise<OperationEntry[]> {
    const aside = `${this.file}.corrupt-${this.now()}`;
    try {
      await this.o.fs.rename(this.file, aside);
      this.o.log(`Recent operations: ${OPERATIONS_FILE} ${why}; set aside as ${aside.slice(this.o.dir.length + 1)}, starting empty`);
    } catch (e) {
      this.o.log(`Recent operations: ${OPERATIONS_FILE} ${why} and could not be set aside (${errorText(e)})`);
    }
    return [];
  }

  private async writeFile(entries: readonly OperationEntry[]): Promise<void> {
    const temp = `${this.file}.${this.o.session}.${++this.writes}.tmp`;
    const text = JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, entries });
    await this.o.fs.write(temp, text);
    try {
      await this.o.fs.rename(temp, this.file);
    } catch (e) {
      await this.o.fs.remove(temp).catch(() => undefined);
      throw e;
    }
  }

  /**
   * Runs `run` holding the lock file. A lock older than staleLockMs is taken over; when the lock cannot be had in
   * lockWaitMs, `fallback` runs without it (a read), or the change fails (and is logged by the caller).
   */
  private async withLock<T>(run: () => Promise<T>, fallback?: () => Promise<T>): Promise<T> {
    await this.o.fs.mkdir(this.o.dir);
    const deadline = Date.now() + (this.o.lockWaitMs ?? 3000);
    const stale = this.o.staleLockMs ?? 10_000;
    let delay = 5;
    for (;;) {
      if (await this.o.fs.createExclusive(this.lock, this.o.session)) break;
      const at = await this.o.fs.modifiedAt(this.lock);
      if (at !== undefined && Date.now() - at > stale) {
        this.o.log('Recent operations: taking over a lock left by a window that stopped');
        await this.o.fs.remove(this.lock);
        continue;
      }
      if (Date.now() >= deadline) {
        if (fallback) return fallback();
        throw new Error('another window holds the recent-operations lock');
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 100);
    }
    try {
      return await run();
    } finally {
      await this.o.fs.remove(this.lock).catch(() => undefined);
    }
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
