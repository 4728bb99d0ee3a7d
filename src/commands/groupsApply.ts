import type { CommandFactory } from './deps';
import { groupsFileArg } from './groupsFileArg';
import { requireProfile } from './pickers';
import { loadForms } from '../webview/loadForms';

/**
 * Applies the file's shown plan (the same checks as the page's Apply button). Without a current plan it plans first
 * and shows it: nothing is ever applied that was not reviewed.
 */
export const groupsApply: CommandFactory = (deps) => async (arg?: unknown) => {
  requireProfile(deps);
  const source = groupsFileArg(arg);
  const ctx = deps.formContext();
  const { applyShownPlan } = await loadForms();
  await applyShownPlan(ctx, source);
};
