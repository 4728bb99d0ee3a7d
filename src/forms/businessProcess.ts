// The Create Business Process form's logic (CreateDataServiceGroup): its lookups, name check, request and outcomes.
import type { DataWorksService } from '../api';
import { PAGE_SIZE } from '../constants';
import type { BpInit, BpResult, BpToHost, BpToWebview, WireFieldError } from '../shared/protocol';
import { createDataServiceGroupRequest, type WireRequest } from '../shared/requests';
import {
  checkBusinessProcess, emptyBusinessProcess, type Checked, type CreateBusinessProcessValues, type RawBusinessProcess,
} from '../shared/schemas';
import { serverFieldError } from '../shared/serverErrors';
import { FormController } from './formController';
import { collectPages } from './paging';
import type { FormEnv } from './port';
import { RecentChecks } from './recentChecks';
import { SharedLoads } from './sharedLoads';
import type { ApiGatewayGroup, Workspace } from '../api';

/** Sane caps for the pickers: ListProjects pages of PAGE_SIZE (the tree's), DescribeApiGroups pages of 50. */
const MAX_WORKSPACES = 1000;
const MAX_API_GROUPS = 500;

/** Input names of the API layer (DataWorksError.field) → paths of this form. */
const FIELD_PATHS: Readonly<Record<string, string>> = {
  projectId: 'projectId', apiGatewayGroupId: 'apiGatewayGroupId', name: 'name', groupName: 'name', description: 'description',
};

/** The form's sentences, translated by the adapter. */
export interface BpTexts {
  created(name: string, groupId: string): string;
  createFailed(name: string, line: string): string;
}

export interface BusinessProcessTarget {
  readonly region: string;
  /** Preselected workspace, when opened from a workspace node. */
  readonly projectId?: number;
}

export type BpEnv = FormEnv<BpToWebview, RawBusinessProcess, BpTexts>;

export class BusinessProcessController extends FormController<
  BpToHost, BpToWebview, RawBusinessProcess, BpInit, CreateBusinessProcessValues, BpResult, 'workspaces' | 'apiGatewayGroups', BpTexts
> {
  private created: { projectId: number; groupId: string } | undefined;
  private readonly workspaces = new SharedLoads<{ items: Workspace[]; truncated: boolean }>();
  private readonly apiGroups = new SharedLoads<{ items: ApiGatewayGroup[]; truncated: boolean }>();
  /** Whether a name is taken in a workspace, by `projectId/name`. */
  protected readonly nameChecks = new RecentChecks<boolean>();

  constructor(env: BpEnv, private readonly target: BusinessProcessTarget) {
    super('businessProcess', env, (m) => m);
  }

  init(): BpInit {
    return {
      ...this.initCommon(),
      restore: { profile: this.env.services.profileName, region: this.region, ...(this.target.projectId === undefined ? {} : { projectId: this.target.projectId }) },
      prefill: emptyBusinessProcess(this.target.projectId),
    };
  }

  async handle(msg: BpToHost): Promise<void> {
    switch (msg.type) {
      case 'loadWorkspaces':
        return this.loadWorkspaces(msg.seq, msg.refresh);
      case 'loadApiGatewayGroups':
        return this.loadApiGroups(msg.seq, msg.refresh);
      case 'checkName':
        return this.checkName(msg.seq, msg.projectId, msg.name);
      case 'copyId':
        if (this.created) await this.env.port.copy(this.created.groupId, true);
        return;
      case 'revealInTree':
        if (this.created) await this.env.services.revealInTree({ kind: 'businessProcess', region: this.region, ...this.created });
        return;
      default:
        return this.handleCommon(msg);
    }
  }

  private loadWorkspaces(seq: number, refresh: boolean): Promise<void> {
    const { services } = this.env;
    return this.answer(
      seq,
      'workspaces',
      () => this.workspaces.get('', refresh, () => collectPages((pageNumber) => services.workspacesPage(this.region, pageNumber, refresh), PAGE_SIZE, MAX_WORKSPACES)),
      ({ items, truncated }) => ({
        type: 'workspaces',
        seq,
        items: items
          .filter((w) => w.status !== 'DELETED' && w.status !== 'DELETING')
          .map((w) => ({ id: w.id, name: (w.name || w.identifier).slice(0, 512), identifier: w.identifier.slice(0, 512) })),
        truncated,
      }),
    );
  }

  private loadApiGroups(seq: number, refresh: boolean): Promise<void> {
    const signal = this.env.port.signal;
    return this.answer(
      seq,
      'apiGatewayGroups',
      () => this.apiGroups.get('', refresh, () => this.service().then((s) =>
        collectPages((pageNumber, pageSize) => s.listApiGatewayGroups({ pageNumber, pageSize }, { signal }), 50, MAX_API_GROUPS))),
      ({ items, truncated }) => ({
        type: 'apiGatewayGroups',
        seq,
        // DataWorks binds business processes to a group of the same region.
        items: items
          .filter((g) => !g.regionId || g.regionId === this.region)
          .map((g) => ({ id: g.id.slice(0, 128), name: g.name.slice(0, 512), regionId: g.regionId.slice(0, 64), description: g.description.slice(0, 2048) })),
        truncated,
      }),
    );
  }

  /**
   * Whether a business process with exactly this name exists in the workspace (the keyword search is a substring
   * match). Leaving the name box, the review and the submit ask one after another: a recent verdict serves all three.
   */
  private nameTaken(projectId: number, name: string): Promise<boolean> {
    return this.nameChecks.get(`${projectId}/${name}`, async () => {
      const s = await this.service();
      const { items } = await collectPages(
        (pageNumber, pageSize) => s.listBusinessProcesses({ projectId, nameKeyword: name, pageNumber, pageSize }, { signal: this.env.port.signal }),
        100,
        500,
      );
      return items.some((bp) => bp.name === name);
    });
  }

  private async checkName(seq: number, projectIdRaw: string, nameRaw: string): Promise<void> {
    const projectId = /^\d{1,16}$/.test(projectIdRaw) ? Number(projectIdRaw) : 0;
    const name = nameRaw.trim();
    if (projectId <= 0 || name === '') return;
    return this.answer(seq, 'nameCheck', () => this.nameTaken(projectId, name), (taken) => ({ type: 'nameCheck', seq, name: nameRaw, taken }));
  }

  protected check(raw: RawBusinessProcess): Checked<CreateBusinessProcessValues> {
    return checkBusinessProcess(raw);
  }

  protected async nameConflicts(value: CreateBusinessProcessValues): Promise<WireFieldError[]> {
    return (await this.nameTaken(value.projectId, value.name)) ? [{ path: 'name', code: 'nameTaken' }] : [];
  }

  protected request(value: CreateBusinessProcessValues): WireRequest {
    return createDataServiceGroupRequest(value, this.region);
  }

  protected async write(service: DataWorksService, value: CreateBusinessProcessValues): Promise<{ result: BpResult; closedText: string }> {
    // No abort signal: closing the panel must not cut a create in half (that would make its outcome unknown).
    const res = await service.createBusinessProcess(value);
    this.created = { projectId: value.projectId, groupId: res.groupId };
    this.env.log.info(`[forms] created business process ${res.groupId} in workspace ${value.projectId} (request ${res.requestId})`);
    this.env.services.onDidWrite({ kind: 'businessProcessCreated', region: this.region, projectId: value.projectId, groupId: res.groupId });
    return {
      result: { outcome: 'success', groupId: res.groupId, requestId: res.requestId, recovered: res.recovered },
      closedText: this.env.texts.created(value.name, res.groupId),
    };
  }

  protected failure(e: unknown, raw: RawBusinessProcess): { result: BpResult; closedText: string } {
    const { asDataWorksError, errorBanner, errorLine } = this.env.errors;
    const banner = errorBanner(e);
    const dw = asDataWorksError(e);
    this.env.services.reportError(e, '[forms] CreateDataServiceGroup');
    const closedText = this.env.texts.createFailed(raw.name.trim(), errorLine(e));
    if (dw?.createVerdict) {
      // Never resent by itself: the user decides, with the verdict in front of them.
      return { result: { outcome: 'ambiguous', verdict: dw.createVerdict, banner: { ...banner, severity: 'warning' } }, closedText };
    }
    const path = dw?.field === undefined ? undefined : FIELD_PATHS[dw.field];
    return { result: { outcome: 'error', banner, errors: path ? [serverFieldError(path, banner)] : [] }, closedText };
  }
}
