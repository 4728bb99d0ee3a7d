import type { Page, UserGroup, Workspace } from '../api';
import { NodeContext } from '../constants';
import { cacheKeys } from '../services/cacheKeys';
import type { NodeView, TreeContext, TreeNode } from './node';
import { PagedFolder } from './pagedFolder';
import { UserGroupNode, WorkspaceNode } from './resourceNodes';

/** A region root: holds the Workspaces and User Groups folders of the profile in that region. */
export class RegionNode implements TreeNode {
  readonly id: string;
  readonly parent = undefined;
  readonly workspaces: WorkspacesFolderNode;
  readonly userGroups: UserGroupsFolderNode;

  constructor(private readonly ctx: TreeContext, readonly region: string, private readonly primary: boolean) {
    this.id = `${ctx.profileName}/${region}`;
    this.workspaces = new WorkspacesFolderNode(this, ctx, region);
    this.userGroups = new UserGroupsFolderNode(this, ctx, region);
  }

  view(): NodeView {
    return {
      label: this.ctx.regionLabel(this.region),
      description: this.region,
      tooltip: this.ctx.t('Profile {0} in {1}', this.ctx.profileName, this.region),
      icon: { id: 'globe' },
      collapsible: this.primary ? 'expanded' : 'collapsed',
      contextValue: NodeContext.region,
    };
  }

  children(): Promise<readonly TreeNode[]> {
    return Promise.resolve([this.workspaces, this.userGroups]);
  }
}

export class WorkspacesFolderNode extends PagedFolder<Workspace> {
  readonly id: string;

  constructor(parent: RegionNode, ctx: TreeContext, region: string) {
    super(parent, ctx, region);
    this.id = `${parent.id}/workspaces`;
  }

  view(): NodeView {
    const filter = this.ctx.workspaceFilter();
    return {
      label: this.ctx.t('Workspaces'),
      description: filter ? this.ctx.t('filter: {0}', filter) : undefined,
      icon: { id: filter ? 'filter' : 'folder-library' },
      collapsible: 'collapsed',
      contextValue: NodeContext.workspacesFolder,
    };
  }

  findWorkspace(projectId: number): WorkspaceNode | undefined {
    const node = this.findChild(`${this.id}/${projectId}`);
    return node instanceof WorkspaceNode ? node : undefined;
  }

  protected override include(item: Workspace): boolean {
    const filter = this.ctx.workspaceFilter()?.toLowerCase();
    return !filter || item.name.toLowerCase().includes(filter) || item.identifier.toLowerCase().includes(filter);
  }

  protected listKey(): string {
    return cacheKeys.workspaces(this.ctx.profileName, this.region);
  }

  protected async fetch(pageNumber: number, pageSize: number): Promise<Page<Workspace>> {
    const service = await this.ctx.getService(this.region);
    return service.listWorkspaces({ pageNumber, pageSize });
  }

  protected childId(item: Workspace): string {
    return `${this.id}/${item.id}`;
  }

  protected createChild(item: Workspace): WorkspaceNode {
    return new WorkspaceNode(this, this.ctx, this.region, item);
  }

  protected emptyLabel(): string {
    return this.ctx.workspaceFilter() ? this.ctx.t('No workspaces match the filter') : this.ctx.t('No workspaces');
  }

  protected what(): string {
    return this.ctx.t('workspaces');
  }
}

export class UserGroupsFolderNode extends PagedFolder<UserGroup> {
  readonly id: string;
  private filter: string | undefined;

  constructor(parent: RegionNode, ctx: TreeContext, region: string) {
    super(parent, ctx, region);
    this.id = `${parent.id}/userGroups`;
    this.filter = ctx.userGroupFilter();
  }

  view(): NodeView {
    const filter = this.ctx.userGroupFilter();
    return {
      label: this.ctx.t('User Groups'),
      description: filter ? this.ctx.t('filter: {0}', filter) : undefined,
      icon: { id: filter ? 'filter' : 'organization' },
      collapsible: 'collapsed',
      contextValue: NodeContext.userGroupsFolder,
    };
  }

  /** The server-side filter changed: the pages loaded so far are for another search. */
  filterChanged(): void {
    this.filter = this.ctx.userGroupFilter();
    this.restart();
  }

  findGroup(predicate: (g: UserGroup) => boolean): UserGroupNode | undefined {
    const item = this.loadedItems.find(predicate);
    const node = item === undefined ? undefined : this.findChild(this.childId(item));
    return node instanceof UserGroupNode ? node : undefined;
  }

  protected listKey(): string {
    return cacheKeys.userGroups(this.ctx.profileName, this.region, this.filter ?? '');
  }

  protected async fetch(pageNumber: number, pageSize: number): Promise<Page<UserGroup>> {
    const service = await this.ctx.getService(this.region);
    return service.listUserGroups({ pageNumber, pageSize, ...(this.filter ? { name: this.filter } : {}) });
  }

  protected childId(item: UserGroup): string {
    return `${this.id}/${item.id}`;
  }

  protected createChild(item: UserGroup): UserGroupNode {
    return new UserGroupNode(this, this.ctx, this.region, item);
  }

  protected emptyLabel(): string {
    return this.filter ? this.ctx.t('No user groups match the filter') : this.ctx.t('No user groups');
  }

  protected what(): string {
    return this.ctx.t('user groups');
  }
}
