import type { CommandFactory } from './deps';

/** Reads the list again: another window may have written since. */
export const refreshOperations: CommandFactory = (deps) => async () => {
  await deps.operations.store.reload();
};
