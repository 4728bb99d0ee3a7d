import { UserGroupsFolderNode } from '../tree/folderNodes';
import { nodeArg, requireProfile } from './pickers';
import type { CommandFactory } from './deps';
import { loadForms } from '../webview/loadForms';

export const addUserGroup: CommandFactory = (deps) => async (arg?: unknown) => {
  const profile = requireProfile(deps);
  const region = nodeArg(arg, UserGroupsFolderNode)?.region ?? deps.profiles.activeRegion(profile);
  const ctx = deps.formContext();
  const { openUserGroupForm } = await loadForms();
  openUserGroupForm(ctx, { region });
};
