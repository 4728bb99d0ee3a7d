import type * as vscode from 'vscode';
import type { KeyValueStore } from '../../../src/auth/stores';
import { Emitter } from '../../../src/util/event';

/** In-memory SecretStorage with vscode.SecretStorage's shape; can be told to fail or to lose values. */
export class MemorySecretStorage implements vscode.SecretStorage {
  readonly values = new Map<string, string>();
  failReads = false;
  failWrites = false;
  private readonly changed = new Emitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.changed.event;

  get(key: string): Promise<string | undefined> {
    if (this.failReads) return Promise.reject(new Error('Decryption failed'));
    return Promise.resolve(this.values.get(key));
  }

  keys(): Promise<string[]> {
    return Promise.resolve([...this.values.keys()]);
  }

  store(key: string, value: string): Promise<void> {
    if (this.failWrites) return Promise.reject(new Error('No keyring'));
    this.values.set(key, value);
    this.changed.fire({ key });
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.values.delete(key);
    this.changed.fire({ key });
    return Promise.resolve();
  }
}

/** In-memory globalState. Values are stored as JSON text, as VS Code does, so non-JSON values show up in tests. */
export class MemoryMemento implements KeyValueStore {
  readonly values = new Map<string, string>();

  get<T>(key: string): T | undefined {
    const v = this.values.get(key);
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }

  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
    return Promise.resolve();
  }

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  /** Everything stored, for "no secret in here" assertions. */
  dump(): string {
    return [...this.values.entries()].map(([k, v]) => `${k}=${v}`).join('\n');
  }
}
