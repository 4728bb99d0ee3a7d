// A stateful Data Security Guard tenant behind the real DataWorksService interface, for the groups-as-code engine.
// Its list answers as the SDK models describe (items without type or project); whether it applies the type and
// project filters is a switch, and faults are scripted per write call: refused before writing, written then failed
// (an answer lost on the way back), or only part of a batch written then failed.
import type { CallOptions, ListUserGroupsRequest, UserGroupInput, WriteResult } from '../../../src/api/dataWorksService';
import type { Page, UserGroup, UserGroupType } from '../../../src/api/types';
import { FakeApiError, FakeDataWorksService } from './fakeDataWorksService';

export interface TenantGroup {
  id: number;
  name: string;
  owner: string;
  type: UserGroupType;
  projectName: string;
  accounts: string[];
  modifiedTime: string;
}

/** What happens to the n-th write call (0-based): `before` nothing written, `after` all written, `partial` the first half. */
export type WriteFault = 'before' | 'after' | 'partial';

export class FakeDsgTenant extends FakeDataWorksService {
  groups: TenantGroup[] = [];
  honoursType = true;
  honoursProject = true;
  readonly writeFaults = new Map<number, WriteFault>();
  writes = 0;
  private nextId = 1;
  private clock = 0;

  add(g: Omit<TenantGroup, 'id' | 'modifiedTime'>): TenantGroup {
    const row = { ...g, accounts: [...g.accounts], id: this.nextId++, modifiedTime: `t${++this.clock}` };
    this.groups.push(row);
    return row;
  }

  override listUserGroups(req: ListUserGroupsRequest, _opts?: CallOptions): Promise<Page<UserGroup>> {
    this.calls.push({ method: 'listUserGroups', args: req });
    const all = this.groups.filter((g) => (!req.name || g.name.includes(req.name))
      && (!this.honoursType || req.type === undefined || g.type === req.type)
      && (!this.honoursProject || !req.projectName || g.projectName === req.projectName));
    const start = (req.pageNumber - 1) * req.pageSize;
    const items = all.slice(start, start + req.pageSize).map((g): UserGroup => ({
      id: g.id, name: g.name, owner: g.owner, accounts: [...g.accounts], createdTime: '', modifiedTime: g.modifiedTime,
    }));
    return Promise.resolve({ items, pageNumber: req.pageNumber, pageSize: req.pageSize, totalCount: all.length });
  }

  override saveUserGroups(groups: readonly UserGroupInput[], opts?: CallOptions): Promise<WriteResult> {
    return Promise.resolve().then(() => this.save(groups, opts));
  }

  override deleteUserGroups(ids: readonly number[], opts?: CallOptions): Promise<WriteResult> {
    return Promise.resolve().then(() => this.drop(ids, opts));
  }

  private save(groups: readonly UserGroupInput[], opts?: CallOptions): WriteResult {
    this.calls.push({ method: 'saveUserGroups', args: groups });
    if (opts?.signal?.aborted) throw new FakeApiError('Cancelled', 'cancelled', 'REQ-X', 'cancelled');
    const fault = this.writeFaults.get(this.writes++);
    if (fault === 'before') throw new FakeApiError('Throttling.User', 'too many requests', 'REQ-T', 'throttled', 429);
    for (const g of groups) {
      if (g.id !== undefined && !this.groups.some((x) => x.id === g.id)) throw new FakeApiError('USERGROUP.ID.ERROR', 'no such group', 'REQ-I', 'api', 400);
    }
    const take = fault === 'partial' ? Math.ceil(groups.length / 2) : groups.length;
    for (const g of groups.slice(0, take)) {
      const row = { name: g.name, owner: g.owner, type: g.type, projectName: g.type === 3 ? g.projectName ?? '' : '', accounts: [...g.accounts] };
      const existing = g.id === undefined ? undefined : this.groups.find((x) => x.id === g.id);
      if (existing) Object.assign(existing, row, { modifiedTime: `t${++this.clock}` });
      else this.add(row);
    }
    if (fault) throw new FakeApiError('InternalError.System', 'timed out after sending', 'REQ-U', 'api', 503);
    return { requestId: 'REQ-S' };
  }

  private drop(ids: readonly number[], opts?: CallOptions): WriteResult {
    this.calls.push({ method: 'deleteUserGroups', args: ids });
    if (opts?.signal?.aborted) throw new FakeApiError('Cancelled', 'cancelled', 'REQ-X', 'cancelled');
    const fault = this.writeFaults.get(this.writes++);
    if (fault === 'before') throw new FakeApiError('Throttling.User', 'too many requests', 'REQ-T', 'throttled', 429);
    const drop = new Set(fault === 'partial' ? ids.slice(0, Math.ceil(ids.length / 2)) : ids);
    this.groups = this.groups.filter((g) => !drop.has(g.id));
    if (fault) throw new FakeApiError('InternalError.System', 'timed out after sending', 'REQ-U', 'api', 503);
    return { requestId: 'REQ-D' };
  }
}
