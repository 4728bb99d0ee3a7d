import * as vscode from 'vscode';
import type { Deps } from '../commands/deps';
import { PAGE_SIZE } from '../constants';
import { extensionFileReader } from './extensionFiles';
import { cacheKey } from './readCache';
import { UserFacingError } from '../util/errors';
import type { FormContext, RevealTarget, WriteChange } from '../webview/forms';
import type { TreeNode } from '../tree/node';
import { redactingChannel } from '../util/redactingChannel';

/** The forms' view of the active profile: services, and the tree updates after a write. */
export function createFormContext(deps: Deps): FormContext {
  const profile = deps.profiles.active();
  if (!profile) throw new UserFacingError(vscode.l10n.t('Add a DataWorks profile first.'));
  const profileName = profile.name;
  return {
    extensionUri: deps.context.extensionUri,
    workspaceState: deps.context.workspaceState,
    readExtensionFile: extensionFileReader(deps.context.extensionUri),
    log: redactingChannel(deps.channel, (text) => deps.redactor.redact(text)),
    redact: (text) => deps.redactor.redact(text),
    profileName,
    getService: (region) => deps.services.getService(profileName, region),
    workspacesPage: (region, pageNumber, fresh) => {
      // The tree's key and page size (src/tree/folderNodes.ts, WorkspacesFolder): the form reads the very pages the
      // tree listed. No abort signal: the load may be shared with the tree, which must not see it cancelled.
      const list = cacheKey(profileName, region, 'workspaces');
      if (fresh && pageNumber === 1) deps.cache.invalidate(list);
      return deps.cache.get(cacheKey(profileName, region, 'workspaces', pageNumber), async () =>
        (await deps.services.getService(profileName, region)).listWorkspaces({ pageNumber, pageSize: PAGE_SIZE }));
    },
    tenantUsers: (region, fresh) => {
      // Saving user groups does not change the tenant's users: no write invalidates this, only Refresh and `fresh`.
      const key = cacheKey(profileName, region, 'tenantUsers');
      if (fresh) deps.cache.invalidate(key);
      return deps.cache.get(key, async () => (await deps.services.getService(profileName, region)).listTenantUsers());
    },
    onDidWrite: (change: WriteChange) => {
      // A form of a profile that is no longer active changes nothing visible.
      if (deps.profiles.active()?.name !== profileName) {
        deps.cache.invalidate();
        return;
      }
      if (change.kind === 'businessProcessCreated') deps.model.businessProcessCreated(change.region, change.projectId);
      else deps.model.userGroupsChanged(change.region);
    },
    revealInTree: async (target: RevealTarget) => {
      const node = await findTarget(deps, target);
      if (node) await deps.view.reveal(node);
    },
  };
}

async function findTarget(deps: Deps, target: RevealTarget): Promise<TreeNode | undefined> {
  await deps.model.roots();
  const region = deps.model.region(target.region);
  if (!region) return undefined;
  if (target.kind === 'userGroup') {
    return deps.model.findUserGroup(target.region, (id, name) => (target.id !== undefined ? id === target.id : name === target.name));
  }
  await region.workspaces.children();
  const workspace = region.workspaces.findWorkspace(target.projectId);
  if (!workspace) return undefined;
  await workspace.children();
  return workspace.findChild(`${workspace.id}/${target.groupId}`) ?? workspace;
}
