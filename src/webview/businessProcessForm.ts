// Host side of the Create Business Process form (CreateDataServiceGroup).
import * as vscode from 'vscode';
import type { ApiGatewayGroup, DataWorksService, Workspace } from '../api';
import { PAGE_SIZE } from '../constants';
import {
  bpInitSchema, bpToHostSchema, bpToWebviewSchema, type BpInit, type BpRestore, type BpResult, type BpToHost, type BpToWebview,
  type WireFieldError,
} from '../shared/protocol';
import { createDataServiceGroupRequest, type WireRequest } from '../shared/requests';
import {
  checkBusinessProcess, emptyBusinessProcess, rawBusinessProcessSchema, type Checked, type CreateBusinessProcessValues,
  type RawBusinessProcess,
} from '../shared/schemas';
import { FormHost, openOrReveal, takeOver } from './formHost';
import type { BusinessProcessFormTarget, FormContext } from './forms';
import { serverFieldError } from '../shared/serverErrors';
import { asDataWorksError, collectPages, errorBanner, errorLine, formKey } from './hostSupport';
import { RecentChecks } from './recentChecks';
import { formStrings } from './strings';

/** Sane caps for the pickers: ListProjects pages of PAGE_SIZE (the tree's), DescribeApiGroups pages of 50. */
const MAX_WORKSPACES = 1000;
const MAX_API_GROUPS = 500;

/** Input names of the API layer (DataWorksError.field) → paths of this form. */
const FIELD_PATHS: Readonly<Record<string, string>> = {
  projectId: 'projectId', apiGatewayGroupId: 'apiGatewayGroupId', name: 'name', groupName: 'name', description: 'description',
};

function panelKey(ctx: FormContext, target: BusinessProcessFormTarget): string {
  const targetKey = target.projectId === undefined ? 'any' : `project-${target.projectId}`;
  return formKey('businessProcess', ctx.profileName, target.region, targetKey);
}

export function openBusinessProcessPanel(ctx: FormContext, target: BusinessProcessFormTarget): void {
  const key = panelKey(ctx, target);
  openOrReveal(key, () => new BusinessProcessForm(ctx, target, key));
}

/** Takes over a panel restored after a window reload; false when it cannot be (the caller closes it). */
export function restoreBusinessProcessPanel(ctx: FormContext, panel: vscode.WebviewPanel, restore: BpRestore): boolean {
  const target: BusinessProcessFormTarget = { region: restore.region, ...(restore.projectId === undefined ? {} : { projectId: restore.projectId }) };
  const key = panelKey(ctx, target);
  return takeOver(ctx, restore.profile, key, () => new BusinessProcessForm(ctx, target, key, panel));
}

class BusinessProcessForm extends FormHost<
  BpToHost, BpToWebview, RawBusinessProcess, BpInit, CreateBusinessProcessValues, BpResult, 'workspaces' | 'apiGatewayGroups'
> {
  private created: { projectId: number; groupId: string } | undefined;
  private workspaces: Promise<{ items: Workspace[]; truncated: boolean }> | undefined;
  private apiGroups: Promise<{ items: ApiGatewayGroup[]; truncated: boolean }> | undefined;
  /** Whether a name is taken in a workspace, by `projectId/name`. */
  protected readonly nameChecks = new RecentChecks<boolean>();

  constructor(ctx: FormContext, private readonly target: BusinessProcessFormTarget, key: string, existing?: vscode.WebviewPanel) {
    super(ctx, target.region, {
      form: 'businessProcess',
      key,
      title: vscode.l10n.t('Create Business Process'),
      toHost: bpToHostSchema,
      toWebview: bpToWebviewSchema,
      draft: rawBusinessProcessSchema,
      init: bpInitSchema,
    }, existing, (m) => m);
  }

  protected init(): BpInit {
    const draft = this.panel.draft;
    return {
      strings: formStrings('bp'),
      locale: this.locale,
      region: this.region,
      restore: { profile: this.ctx.profileName, region: this.region, ...(this.target.projectId === undefined ? {} : { projectId: this.target.projectId }) },
      prefill: emptyBusinessProcess(this.target.projectId),
      ...(draft ? { draft } : {}),
      phase: this.phase,
      ...(this.result ? { result: this.result } : {}),
    };
  }

  protected async handle(msg: BpToHost): Promise<void> {
    switch (msg.type) {
      case 'loadWorkspaces':
        return this.loadWorkspaces(msg.seq, msg.refresh);
      case 'loadApiGatewayGroups':
        return this.loadApiGroups(msg.seq, msg.refresh);
      case 'checkName':
        return this.checkName(msg.seq, msg.projectId, msg.name);
      case 'validate':
        return this.validateNow(msg.values);
      case 'review':
        return this.review(msg.values);
      case 'submit':
        return this.submit(msg.values);
      case 'copyCli':
        return this.copyCli();
      case 'copyId':
        if (this.created) {
          await vscode.env.clipboard.writeText(this.created.groupId);
          vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', this.created.groupId), 3000);
        }
        return;
      case 'revealInTree':
        if (this.created) await this.ctx.revealInTree({ kind: 'businessProcess', region: this.region, ...this.created });
        return;
      case 'reset':
        return this.reset();
      case 'ready':
      case 'draft':
        return;
    }
  }

  private async loadWorkspaces(seq: number, refresh: boolean): Promise<void> {
    if (refresh || !this.workspaces) {
      this.workspaces = collectPages((pageNumber) => this.ctx.workspacesPage(this.region, pageNumber, refresh), PAGE_SIZE, MAX_WORKSPACES);
      // A failed load is not cached: the next request tries again.
      this.workspaces.catch(() => (this.workspaces = undefined));
    }
    try {
      const { items, truncated } = await this.workspaces;
      this.panel.post({
        type: 'workspaces',
        seq,
        items: items
          .filter((w) => w.status !== 'DELETED' && w.status !== 'DELETING')
          .map((w) => ({ id: w.id, name: (w.name || w.identifier).slice(0, 512), identifier: w.identifier.slice(0, 512) })),
        truncated,
      });
    } catch (e) {
      this.lookupFailed(seq, 'workspaces', e);
    }
  }

  private async loadApiGroups(seq: number, refresh: boolean): Promise<void> {
    if (refresh || !this.apiGroups) {
      this.apiGroups = this.service().then((s) =>
        collectPages((pageNumber, pageSize) => s.listApiGatewayGroups({ pageNumber, pageSize }, { signal: this.panel.signal }), 50, MAX_API_GROUPS));
      this.apiGroups.catch(() => (this.apiGroups = undefined));
    }
    try {
      const { items, truncated } = await this.apiGroups;
      this.panel.post({
        type: 'apiGatewayGroups',
        seq,
        // DataWorks binds business processes to a group of the same region.
        items: items
          .filter((g) => !g.regionId || g.regionId === this.region)
          .map((g) => ({ id: g.id.slice(0, 128), name: g.name.slice(0, 512), regionId: g.regionId.slice(0, 64), description: g.description.slice(0, 2048) })),
        truncated,
      });
    } catch (e) {
      this.lookupFailed(seq, 'apiGatewayGroups', e);
    }
  }

  /**
   * Whether a business process with exactly this name exists in the workspace (the keyword search is a substring
   * match). Leaving the name box, the review and the submit ask one after another: a recent verdict serves all three.
   */
  private nameTaken(projectId: number, name: string): Promise<boolean> {
    return this.nameChecks.get(`${projectId}/${name}`, async () => {
      const s = await this.service();
      const { items } = await collectPages(
        (pageNumber, pageSize) => s.listBusinessProcesses({ projectId, nameKeyword: name, pageNumber, pageSize }, { signal: this.panel.signal }),
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
    try {
      this.panel.post({ type: 'nameCheck', seq, name: nameRaw, taken: await this.nameTaken(projectId, name) });
    } catch (e) {
      this.lookupFailed(seq, 'nameCheck', e);
    }
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
    this.ctx.log.info(`[forms] created business process ${res.groupId} in workspace ${value.projectId} (request ${res.requestId})`);
    this.ctx.onDidWrite({ kind: 'businessProcessCreated', region: this.region, projectId: value.projectId, groupId: res.groupId });
    return {
      result: { outcome: 'success', groupId: res.groupId, requestId: res.requestId, recovered: res.recovered },
      closedText: vscode.l10n.t('Business process {0} created (ID {1}).', value.name, res.groupId),
    };
  }

  protected failure(e: unknown, raw: RawBusinessProcess): { result: BpResult; closedText: string } {
    const banner = errorBanner(e, this.locale, this.ctx.redact);
    const dw = asDataWorksError(e);
    this.ctx.log.warn(`[forms] CreateDataServiceGroup failed: ${dw ? `${dw.kind} ${dw.code} request ${dw.requestId ?? '-'}: ${dw.userMessage('en')}` : String(e)}`);
    const closedText = vscode.l10n.t('Creating business process {0} failed: {1}', raw.name.trim(), errorLine(e, this.locale, this.ctx.redact));
    if (dw?.createVerdict) {
      // Never resent by itself: the user decides, with the verdict in front of them.
      return { result: { outcome: 'ambiguous', verdict: dw.createVerdict, banner: { ...banner, severity: 'warning' } }, closedText };
    }
    const path = dw?.field === undefined ? undefined : FIELD_PATHS[dw.field];
    return { result: { outcome: 'error', banner, errors: path ? [serverFieldError(path, banner)] : [] }, closedText };
  }
}
