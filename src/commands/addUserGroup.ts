import { UserGroupsFolderNode } from '../tree/folderNodes';
import { openUserGroupForm } from '../webview/forms';
import { nodeArg, requireProfile } from './pickers';
import type { CommandFactory } from './deps';

export const addUserGroup: CommandFactory = (deps) => (arg?: unknown) => {
  const profile = requireProfile(deps);
  const region = nodeArg(arg, UserGroupsFolderNode)?.region ?? deps.profiles.activeRegion(profile);
  openUserGroupForm(deps.formContext(), { region });
};
