import type { BusinessProcess, DataServiceApi, Page, UserGroup, Workspace } from '../api';
import { NodeContext } from '../constants';
import { cacheKeys } from '../services/cacheKeys';
import { userGroupTypeLabel } from '../services/userGroupKind';
import type { NodeView, ResourceRef, TreeContext, TreeNode } from './node';
import { PagedFolder } from './pagedFolder';
import { PlaceholderNode } from './statusNodes';

const STATUS_ICON: Readonly<Record<string, { id: string; color?: string }>> = {
  AVAILABLE: { id: 'database' },
  // A static icon: the state changes on the server, and a spinner that never stops would suggest a load.
  INITIALIZING: { id: 'sync' },
  UPDATING: { id: 'sync' },
  DELETING: { id: 'sync' },
  INIT_FAILED: { id: 'database', color: 'list.errorForeground' },
  UPDATE_FAILED: { id: 'database', color: 'list.errorForeground' },
  DEL_FAILED: { id: 'database', color: 'list.errorForeground' },
  FORBIDDEN: { id: 'database', color: 'list.warningForeground' },
  FROZEN: { id: 'database', color: 'list.warningForeground' },
  DELETED: { id: 'database', color: 'disabledForeground' },
};

function statusLabel(status: Workspace['status'], t: TreeContext['t']): string {
  switch (status) {
    case 'AVAILABLE': return t('Available');
    case 'DELETED': return t('Deleted');
    case 'INITIALIZING': return t('Initializing');
    case 'INIT_FAILED': return t('Initialization failed');
    case 'FORBIDDEN': return t('Forbidden');
    case 'DELETING': return t('Deleting');
    case 'DEL_FAILED': return t('Deletion failed');
    case 'FROZEN': return t('Frozen');
    case 'UPDATING': return t('Updating');
    case 'UPDATE_FAILED': return t('Update failed');
    case 'UNKNOWN': return t('Unknown');
  }
}

function lines(...parts: readonly (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
}

/** A workspace; expands to its business processes (DataService Studio groups). */
export class WorkspaceNode extends PagedFolder<BusinessProcess> {
  readonly id: string;
  resource: ResourceRef & { kind: 'workspace' };

  constructor(parent: TreeNode, ctx: TreeContext, region: string, private data: Workspace) {
    super(parent, ctx, region);
    this.id = `${parent.id}/${data.id}`;
    this.resource = { kind: 'workspace', region, data };
  }

  get workspace(): Workspace {
    return this.data;
  }

  update(data: Workspace): void {
    this.data = data;
    this.resource = { kind: 'workspace', region: this.region, data };
  }

  view(): NodeView {
    const t = this.ctx.t;
    const w = this.data;
    return {
      label: w.name || w.identifier,
      description: w.status === 'AVAILABLE' ? w.identifier : `${w.identifier} · ${statusLabel(w.status, t)}`,
      tooltip: lines(
        w.name,
        t('Identifier: {0}', w.identifier),
        t('ID: {0}', w.id),
        t('Status: {0}', statusLabel(w.status, t)),
        w.description && t('Description: {0}', w.description),
        w.ownerBaseId && t('Owner: {0}', w.ownerBaseId),
        w.resourceGroupId && t('Resource group: {0}', w.resourceGroupId),
        w.isDefault && t('Default workspace'),
        w.tags.length > 0 && t('Tags: {0}', w.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ')),
        t('Region: {0}', this.region),
      ),
      icon: STATUS_ICON[w.status] ?? { id: 'database' },
      collapsible: 'collapsed',
      contextValue: NodeContext.workspace,
    };
  }

  protected listKey(): string {
    return cacheKeys.businessProcesses(this.ctx.profileName, this.region, this.data.id);
  }

  protected async fetch(pageNumber: number, pageSize: number): Promise<Page<BusinessProcess>> {
    const service = await this.ctx.getService(this.region);
    return service.listBusinessProcesses({ projectId: this.data.id, pageNumber, pageSize });
  }

  protected childId(item: BusinessProcess): string {
    return `${this.id}/${item.id}`;
  }

  protected createChild(item: BusinessProcess): BusinessProcessNode {
    return new BusinessProcessNode(this, this.ctx, this.region, item);
  }

  protected emptyLabel(): string {
    return this.ctx.t('No business processes');
  }

  protected what(): string {
    return this.ctx.t('business processes of {0}', this.data.identifier);
  }
}

/**
 * A business process; expands to its Data Service APIs. ListDataServiceApis has no business-process filter, so this
 * pages through the workspace's list and keeps the items with its GroupId. The pages are cached under the workspace
 * (one key for all its business processes): expanding a second business process reads the same pages, no new call.
 */
export class BusinessProcessNode extends PagedFolder<DataServiceApi> {
  readonly id: string;
  resource: ResourceRef & { kind: 'businessProcess' };

  constructor(parent: TreeNode, ctx: TreeContext, region: string, private data: BusinessProcess) {
    super(parent, ctx, region);
    this.id = `${parent.id}/${data.id}`;
    this.resource = { kind: 'businessProcess', region, data };
  }

  update(data: BusinessProcess): void {
    this.data = data;
    this.resource = { kind: 'businessProcess', region: this.region, data };
  }

  view(): NodeView {
    const t = this.ctx.t;
    const b = this.data;
    return {
      label: b.name,
      description: b.description || undefined,
      tooltip: lines(
        b.name,
        t('ID: {0}', b.id),
        b.description && t('Description: {0}', b.description),
        b.apiGatewayGroupId && t('API Gateway group: {0}', b.apiGatewayGroupId),
        b.creatorId && t('Creator: {0}', b.creatorId),
        b.createdTime && t('Created: {0}', b.createdTime),
        b.modifiedTime && t('Modified: {0}', b.modifiedTime),
      ),
      icon: { id: 'symbol-namespace' },
      collapsible: 'collapsed',
      contextValue: NodeContext.businessProcess,
    };
  }

  protected override include(item: DataServiceApi): boolean {
    return item.groupId === this.data.id;
  }

  protected listKey(): string {
    return cacheKeys.dataServiceApis(this.ctx.profileName, this.region, this.data.projectId);
  }

  protected async fetch(pageNumber: number, pageSize: number): Promise<Page<DataServiceApi>> {
    const service = await this.ctx.getService(this.region);
    return service.listDataServiceApis({ projectId: this.data.projectId, pageNumber, pageSize });
  }

  protected childId(item: DataServiceApi): string {
    return `${this.id}/api-${item.id}`;
  }

  protected createChild(item: DataServiceApi): DataServiceApiNode {
    return new DataServiceApiNode(this, this.ctx, this.region, item);
  }

  protected emptyLabel(): string {
    return this.ctx.t('No Data Service APIs');
  }

  protected what(): string {
    return this.ctx.t('Data Service APIs of {0}', this.data.name);
  }
}

/** A Data Service API (read-only): name, path and whether it is published. */
export class DataServiceApiNode implements TreeNode {
  readonly id: string;
  resource: ResourceRef & { kind: 'dataServiceApi' };

  constructor(readonly parent: TreeNode, private readonly ctx: TreeContext, private readonly region: string, private data: DataServiceApi) {
    this.id = `${parent.id}/api-${data.id}`;
    this.resource = { kind: 'dataServiceApi', region, data };
  }

  get api(): DataServiceApi {
    return this.data;
  }

  update(data: DataServiceApi): void {
    this.data = data;
    this.resource = { kind: 'dataServiceApi', region: this.region, data };
  }

  view(): NodeView {
    const t = this.ctx.t;
    const a = this.data;
    const state = a.published ? t('Published') : t('Not published');
    return {
      label: a.name,
      // The state is said in words too: the icon's colour alone would not reach everyone.
      description: a.path ? `${a.path} · ${state}` : state,
      tooltip: lines(
        a.name,
        t('ID: {0}', a.id),
        a.path && t('Path: {0}', a.path),
        t('Status: {0}', state),
        a.description && t('Description: {0}', a.description),
        a.creatorId && t('Creator: {0}', a.creatorId),
        a.createdTime && t('Created: {0}', a.createdTime),
        a.modifiedTime && t('Modified: {0}', a.modifiedTime),
      ),
      icon: a.published ? { id: 'cloud', color: 'charts.green' } : { id: 'cloud', color: 'disabledForeground' },
      collapsible: 'none',
      contextValue: NodeContext.dataServiceApi,
    };
  }
}

/** A Data Security Guard user group; expands to its accounts (already in the list response). */
export class UserGroupNode implements TreeNode {
  readonly id: string;
  resource: ResourceRef & { kind: 'userGroup' };

  constructor(readonly parent: TreeNode, private readonly ctx: TreeContext, private readonly region: string, private data: UserGroup) {
    this.id = `${parent.id}/${data.id}`;
    this.resource = { kind: 'userGroup', region, data };
  }

  get group(): UserGroup {
    return this.data;
  }

  update(data: UserGroup): void {
    this.data = data;
    this.resource = { kind: 'userGroup', region: this.region, data };
  }

  typeLabel(): string | undefined {
    return this.data.type === undefined ? undefined : userGroupTypeLabel(this.data.type, this.ctx.t);
  }

  view(): NodeView {
    const t = this.ctx.t;
    const g = this.data;
    const type = this.typeLabel();
    return {
      label: g.name,
      description: [g.owner, type].filter(Boolean).join(' · '),
      tooltip: lines(
        g.name,
        t('ID: {0}', g.id),
        t('Owner: {0}', g.owner),
        type && t('Type: {0}', type),
        g.projectName && t('MaxCompute project: {0}', g.projectName),
        t('Accounts: {0}', g.accounts.length),
        g.modifiedTime && t('Modified: {0}', g.modifiedTime),
      ),
      icon: { id: 'organization' },
      collapsible: 'collapsed',
      contextValue: NodeContext.userGroup,
    };
  }

  children(): Promise<readonly TreeNode[]> {
    if (this.data.accounts.length === 0) return Promise.resolve([new PlaceholderNode(this, this.ctx.t('No accounts'))]);
    return Promise.resolve(this.data.accounts.map((a) => new AccountNode(this, this.region, a, this.data.id)));
  }
}

export class AccountNode implements TreeNode {
  readonly id: string;
  readonly resource: ResourceRef & { kind: 'account' };

  constructor(readonly parent: TreeNode, region: string, private readonly account: string, groupId: number) {
    this.id = `${parent.id}/${account}`;
    this.resource = { kind: 'account', region, data: { account, groupId } };
  }

  view(): NodeView {
    return { label: this.account, icon: { id: 'person' }, collapsible: 'none', contextValue: NodeContext.account };
  }
}
