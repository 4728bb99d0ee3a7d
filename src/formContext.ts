// Composition, like core.ts: the forms' context joins the commands' Deps, the explorer (tree) and the form hosts'
// contract (webview/forms.ts), so it sits above all of them, beside the root that builds it.
import * as vscode from 'vscode';
import type { Deps } from './commands/deps';
import { PAGE_SIZE } from './constants';
import { extensionFileReader } from './services/extensionFiles';
import { cacheKeys } from './services/cacheKeys';
import { checkGroupProject, kindFromList, resolveGroupKind } from './services/userGroupKind';
import { UserFacingError } from './util/errors';
import type { FormContext, RevealTarget, WriteChange } from './webview/forms';
import type { TreeNode } from './tree/node';
import { redactingChannel } from './util/redactingChannel';

/** Pages of 100 groups read at most to find a restored form's group again. */
const FIND_PAGES = 20;

/** The forms' view of the active profile: services, and the tree updates after a write. */
export function createFormContext(deps: Deps): FormContext {
  const profile = deps.profiles.active();
  if (!profile) throw new UserFacingError(vscode.l10n.t('Add a DataWorks profile first.'));
  const profileName = profile.name;
  const redact = (text: string): string => deps.redactor.redact(text);
  return {
    extensionUri: deps.context.extensionUri,
    workspaceState: deps.context.workspaceState,
    readExtensionFile: extensionFileReader(deps.context.extensionUri),
    prompts: deps.prompts,
    log: redactingChannel(deps.channel, redact),
    redact,
    profileName,
    getService: (region) => deps.services.getService(profileName, region),
    workspacesPage: (region, pageNumber, fresh) => {
      // The tree's key (cacheKeys.workspaces) and page size: the form reads the very pages the
      // tree listed. No abort signal: the load may be shared with the tree, which must not see it cancelled.
      const list = cacheKeys.workspaces(profileName, region);
      if (fresh && pageNumber === 1) deps.cache.invalidate(list);
      return deps.cache.get(cacheKeys.page(list, pageNumber), async () =>
        (await deps.services.getService(profileName, region)).listWorkspaces({ pageNumber, pageSize: PAGE_SIZE }));
    },
    tenantUsers: (region, fresh) => {
      // Saving user groups does not change the tenant's users: no write invalidates this, only Refresh and `fresh`.
      const key = cacheKeys.tenantUsers(profileName, region);
      if (fresh) deps.cache.invalidate(key);
      return deps.cache.get(key, async () => (await deps.services.getService(profileName, region)).listTenantUsers());
    },
    groupKindIfKnown: (region, group) => kindFromList(group) ?? deps.groupKinds.get(profileName, region, group),
    groupKind: async (region, group) => {
      const cached = kindFromList(group) ?? deps.groupKinds.get(profileName, region, group);
      if (cached) return cached;
      const service = await deps.services.getService(profileName, region);
      // MaxCompute projects are usually named like the workspace: the tree's cached first page gives the candidates.
      const candidates = async () => {
        const page = await deps.cache.get(cacheKeys.page(cacheKeys.workspaces(profileName, region), 1), () => service.listWorkspaces({ pageNumber: 1, pageSize: PAGE_SIZE }));
        return page.items.map((w) => w.identifier);
      };
      const kind = await resolveGroupKind(service, group, candidates);
      if (kind.note) deps.log.info(`[forms] user group ${group.id}: ${kind.type === undefined ? 'type' : 'MaxCompute project'} unknown (${kind.note})`);
      deps.groupKinds.set(profileName, region, group.id, kind, group.modifiedTime);
      return kind;
    },
    checkGroupProject: async (region, group, projectName) => {
      const verdict = await checkGroupProject(await deps.services.getService(profileName, region), group, projectName);
      if (verdict === 'listed') deps.groupKinds.set(profileName, region, group.id, { type: 3, projectName }, group.modifiedTime);
      return verdict;
    },
    rememberGroupKind: (region, id, kind) => deps.groupKinds.set(profileName, region, id, kind),
    findUserGroup: async (region, id, nameHint) => {
      const service = await deps.services.getService(profileName, region);
      // The name is only a search term; the ID decides. A group renamed meanwhile is looked for in the full list.
      for (const name of nameHint ? [nameHint, undefined] : [undefined]) {
        for (let pageNumber = 1; pageNumber <= FIND_PAGES; pageNumber++) {
          const page = await service.listUserGroups({ ...(name ? { name } : {}), pageNumber, pageSize: 100 });
          const hit = page.items.find((g) => g.id === id);
          if (hit) return hit;
          if (page.items.length === 0 || pageNumber * page.pageSize >= page.totalCount) break;
        }
      }
      return undefined;
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
    reportError: (e, where) => deps.reportError(e, where, profileName),
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
