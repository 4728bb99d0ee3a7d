import { UserGroupsFolderNode } from '../tree/folderNodes';
import { nodeArg, requireProfile } from './pickers';
import type { CommandFactory } from './deps';
import { openPrefilled, prefillArg } from './formPrefill';
import { loadForms } from '../webview/loadForms';

/** From the User Groups folder or the palette; with a prefill (Retry in Recent Operations), with those rows. */
export const addUserGroup: CommandFactory = (deps) => async (arg?: unknown) => {
  const profile = requireProfile(deps);
  const parsed = await prefillArg(arg);
  const prefill = parsed?.prefill === 'userGroups' ? parsed : undefined;
  const region = prefill?.region ?? nodeArg(arg, UserGroupsFolderNode)?.region ?? deps.profiles.activeRegion(profile);
  if (prefill && !prefill.group) {
    await openPrefilled(deps, prefill, (forms, ctx) => forms.openUserGroupForm(ctx, { region }));
    return;
  }
  const ctx = deps.formContext();
  const { openUserGroupForm } = await loadForms();
  openUserGroupForm(ctx, { region });
};
