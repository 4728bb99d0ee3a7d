import { requireProfile } from './pickers';
import type { CommandFactory } from './deps';

export const clearFilter: CommandFactory = (deps) => async () => {
  const profile = requireProfile(deps);
  const state = deps.profiles.viewState(profile.name);
  await deps.profiles.updateViewState(profile.name, { userGroupFilter: undefined, workspaceFilter: undefined });
  if (state.userGroupFilter) deps.model.userGroupFilterChanged();
  if (state.workspaceFilter) deps.model.workspaceFilterChanged();
  deps.view.updateChrome();
};
