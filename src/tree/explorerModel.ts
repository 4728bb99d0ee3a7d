import type { DataWorksService } from '../api';
import type { Profile } from '../auth/profile';
import type { ProfileStore } from '../auth/profileStore';
import type { ReadCache } from '../services/readCache';
import { cacheKeys } from '../services/cacheKeys';
import { Emitter } from '../util/event';
import { RegionNode } from './folderNodes';
import type { TreeContext, TreeNode } from './node';
import type { Translate } from '../util/translate';
import { isPagedNode } from './node';
import type { UserGroupNode, WorkspaceNode } from './resourceNodes';
import { SignInNode } from './statusNodes';

export interface ExplorerModelOptions {
  readonly profiles: ProfileStore;
  readonly cache: ReadCache;
  readonly t: Translate;
  readonly pageSize: number;
  readonly getService: (profileName: string, region: string) => Promise<DataWorksService>;
  readonly regionLabel: (regionId: string) => string;
  readonly reportError: (error: unknown, what: string) => string;
}

/**
 * The explorer's content for the active profile: region roots, or a "sign in again" node when the secret
 * is gone. Region nodes are kept while the profile stays the same, so expansion and loaded pages survive
 * a repaint; they are rebuilt on a profile switch (the cache, keyed by profile, survives that too).
 */
export class ExplorerModel {
  private readonly changedEmitter = new Emitter<TreeNode | undefined>();
  /** A node, or undefined for the whole tree. */
  readonly onDidChange = this.changedEmitter.event;
  private regionNodes = new Map<string, RegionNode>();
  private ctx: TreeContext | undefined;

  constructor(private readonly options: ExplorerModelOptions) {}

  activeProfile(): Profile | undefined {
    return this.options.profiles.active();
  }

  async roots(): Promise<readonly TreeNode[]> {
    const profile = this.activeProfile();
    if (!profile) return [];
    const ctx = this.context(profile.name);
    const credentials = await this.options.profiles.getCredentials(profile.name);
    if (!credentials.ok) return [new SignInNode(profile.name, ctx, credentials.reason)];
    const regions = this.options.profiles.visibleRegions(profile);
    const next = new Map<string, RegionNode>();
    regions.forEach((region, i) => next.set(region, this.regionNodes.get(region) ?? new RegionNode(ctx, region, i === 0)));
    this.regionNodes = next;
    return [...next.values()];
  }

  /** Rebuilds the tree from the cache (profile switch, a reopened view); no call is made for cached pages. */
  reset(): void {
    this.ctx = undefined;
    this.regionNodes = new Map();
    this.changedEmitter.fire(undefined);
  }

  /** The user's Refresh: reloads the node, or everything of the active profile. */
  refresh(node?: TreeNode): void {
    // A leaf (a user group, an error or "load more" node) is reloaded with the list it belongs to.
    let target = node;
    while (target && !isPagedNode(target) && !(target instanceof RegionNode)) target = target.parent;
    if (isPagedNode(target)) {
      target.refresh();
      return;
    }
    if (target instanceof RegionNode) {
      target.workspaces.refresh();
      target.userGroups.refresh();
      return;
    }
    const profile = this.activeProfile();
    this.options.cache.invalidate(profile ? cacheKeys.profile(profile.name) : '');
    this.reset();
  }

  /** After a business process was created: reload that workspace only. */
  businessProcessCreated(region: string, projectId: number): WorkspaceNode | undefined {
    const profile = this.activeProfile();
    if (profile) this.options.cache.invalidate(cacheKeys.businessProcesses(profile.name, region, projectId));
    const node = this.regionNodes.get(region)?.workspaces.findWorkspace(projectId);
    node?.refresh();
    return node;
  }

  /** After user groups were saved or deleted: reload that region's user group list (every filter). */
  userGroupsChanged(region: string): void {
    const profile = this.activeProfile();
    if (profile) this.options.cache.invalidate(cacheKeys.userGroupLists(profile.name, region));
    this.regionNodes.get(region)?.userGroups.refresh();
  }

  /** The user group filter changed: user group lists start over, workspaces stay. */
  userGroupFilterChanged(): void {
    for (const r of this.regionNodes.values()) r.userGroups.filterChanged();
  }

  /** The workspace filter narrows loaded lists; only a repaint is needed. */
  workspaceFilterChanged(): void {
    for (const r of this.regionNodes.values()) this.changedEmitter.fire(r.workspaces);
  }

  region(region: string): RegionNode | undefined {
    return this.regionNodes.get(region);
  }

  /** Loads the region's user groups until one matches (bounded by the lists' own paging). */
  async findUserGroup(region: string, match: (id: number, name: string) => boolean): Promise<UserGroupNode | undefined> {
    const folder = this.regionNodes.get(region)?.userGroups;
    if (!folder) return undefined;
    await folder.children();
    return folder.findGroup((g) => match(g.id, g.name));
  }

  dispose(): void {
    this.changedEmitter.dispose();
  }

  private context(profileName: string): TreeContext {
    if (this.ctx?.profileName === profileName) return this.ctx;
    if (this.ctx) this.regionNodes = new Map();
    const o = this.options;
    const profiles = o.profiles;
    this.ctx = {
      t: o.t,
      profileName,
      cache: o.cache,
      pageSize: o.pageSize,
      getService: (region) => o.getService(profileName, region),
      regionLabel: o.regionLabel,
      changed: (node) => this.changedEmitter.fire(node),
      reportError: o.reportError,
      workspaceFilter: () => profiles.viewState(profileName).workspaceFilter,
      userGroupFilter: () => profiles.viewState(profileName).userGroupFilter,
    };
    return this.ctx;
  }
}
