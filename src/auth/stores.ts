// The two storage seams of the profile store. Both are satisfied structurally by VS Code's objects
// (context.secrets and context.globalState), and by the in-memory fakes of the unit tests.

/** The part of vscode.SecretStorage the profile store uses. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** The part of vscode.Memento the profile store uses. Values must be plain JSON. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
  keys(): readonly string[];
}
