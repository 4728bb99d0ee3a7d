import type { CommandFactory } from './deps';
import { groupsFileArg } from './groupsFileArg';
import { requireProfile } from './pickers';
import { loadForms } from '../webview/loadForms';

/** From the CodeLens, the file's context menu or the palette (the active editor's file): plans it and shows the plan. */
export const groupsPlan: CommandFactory = (deps) => async (arg?: unknown) => {
  requireProfile(deps);
  const source = groupsFileArg(arg);
  const ctx = deps.formContext();
  const { showGroupsPlan } = await loadForms();
  await showGroupsPlan(ctx, source);
};
