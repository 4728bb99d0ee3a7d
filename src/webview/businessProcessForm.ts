// Host side of the Create Business Process form (CreateDataServiceGroup).
import * as vscode from 'vscode';
import type { ApiGatewayGroup, Workspace } from '../api/types';
import type { DataWorksService } from '../api/dataWorksService';
import { bpInitSchema, bpToHostSchema, bpToWebviewSchema, type BpInit, type BpRestore, type BpResult, type BpToHost, type BpToWebview } from '../shared/protocol';
import { aliyunCliCommand, createDataServiceGroupRequest } from '../shared/requests';
import {
  checkBusinessProcess, emptyBusinessProcess, rawBusinessProcessSchema, type CreateBusinessProcessValues, type RawBusinessProcess,
} from '../shared/schemas';
import type { BusinessProcessFormTarget, FormContext } from './forms';
import { FormPanel } from './formPanel';
import { collectPages, errorBanner, formKey, isCancelled, isForbidden, uiLocale, asDataWorksError } from './hostSupport';
import { RecentChecks } from './recentChecks';
import { webviewStrings } from './strings';
import { PAGE_SIZE } from '../constants';

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
  if (FormPanel.reveal(key)) return;
  new BusinessProcessForm(ctx, target, key).start();
}

/** Takes over a panel restored after a window reload; false when it cannot be (the caller closes it). */
export function restoreBusinessProcessPanel(ctx: FormContext, panel: vscode.WebviewPanel, restore: BpRestore): boolean {
  const target: BusinessProcessFormTarget = { region: restore.region, ...(restore.projectId === undefined ? {} : { projectId: restore.projectId }) };
  const key = panelKey(ctx, target);
  if (restore.profile !== ctx.profileName || FormPanel.isOpen(key)) return false;
  new BusinessProcessForm(ctx, target, key, panel).start();
  return true;
}

class BusinessProcessForm {
  private readonly panel: FormPanel<BpToHost, BpToWebview, RawBusinessProcess, BpInit>;
  private readonly locale = uiLocale();
  private phase: 'edit' | 'submitting' | 'result' = 'edit';
  private result: BpResult | undefined;
  private created: { projectId: number; groupId: string } | undefined;
  private lastCli: string | undefined;
  private workspaces: Promise<{ items: Workspace[]; truncated: boolean }> | undefined;
  private apiGroups: Promise<{ items: ApiGatewayGroup[]; truncated: boolean }> | undefined;
  /** Whether a name is taken in a workspace, by `projectId/name`. */
  private readonly nameChecks = new RecentChecks<boolean>();

  constructor(private readonly ctx: FormContext, private readonly target: BusinessProcessFormTarget, key: string, existing?: vscode.WebviewPanel) {
    this.panel = new FormPanel(ctx, {
      form: 'businessProcess',
      key,
      draftKey: `${key}/draft`,
      title: vscode.l10n.t('Create Business Process'),
      toHost: bpToHostSchema,
      toWebview: bpToWebviewSchema,
      init: bpInitSchema,
      draft: rawBusinessProcessSchema,
    }, existing);
  }

  start(): void {
    this.panel.start(() => this.init(), (msg) => this.handle(msg));
  }

  private init(): BpInit {
    const draft = this.panel.draft;
    return {
      strings: webviewStrings(),
      locale: this.locale,
      region: this.target.region,
      restore: { profile: this.ctx.profileName, region: this.target.region, ...(this.target.projectId === undefined ? {} : { projectId: this.target.projectId }) },
      prefill: emptyBusinessProcess(this.target.projectId),
      ...(draft ? { draft } : {}),
      phase: this.phase,
      ...(this.result ? { result: this.result } : {}),
    };
  }

  private service(): Promise<DataWorksService> {
    return this.ctx.getService(this.target.region);
  }

  private async handle(msg: BpToHost): Promise<void> {
    switch (msg.type) {
      case 'loadWorkspaces':
        return this.loadWorkspaces(msg.seq, msg.refresh);
      case 'loadApiGatewayGroups':
        return this.loadApiGroups(msg.seq, msg.refresh);
      case 'checkName':
        return this.checkName(msg.seq, msg.projectId, msg.name);
      case 'validate': {
        const checked = checkBusinessProcess(msg.values);
        this.panel.post({ type: 'fieldErrors', errors: checked.ok ? [] : checked.errors });
        return;
      }
      case 'review':
        return this.review(msg.values);
      case 'submit':
        return this.submit(msg.values);
      case 'copyCli':
        if (this.lastCli) await vscode.env.clipboard.writeText(this.lastCli);
        return;
      case 'copyId':
        if (this.created) {
          await vscode.env.clipboard.writeText(this.created.groupId);
          vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', this.created.groupId), 3000);
        }
        return;
      case 'revealInTree':
        if (this.created) {
          await this.ctx.revealInTree({ kind: 'businessProcess', region: this.target.region, ...this.created });
        }
        return;
      case 'reset':
        if (this.phase !== 'submitting') {
          this.phase = 'edit';
          this.result = undefined;
        }
        return;
      case 'ready':
      case 'draft':
        return;
    }
  }

  private async loadWorkspaces(seq: number, refresh: boolean): Promise<void> {
    if (refresh || !this.workspaces) {
      this.workspaces = collectPages((pageNumber) => this.ctx.workspacesPage(this.target.region, pageNumber, refresh), PAGE_SIZE, MAX_WORKSPACES);
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
          .filter((g) => !g.regionId || g.regionId === this.target.region)
          .map((g) => ({ id: g.id.slice(0, 128), name: g.name.slice(0, 512), regionId: g.regionId.slice(0, 64), description: g.description.slice(0, 2048) })),
        truncated,
      });
    } catch (e) {
      this.lookupFailed(seq, 'apiGatewayGroups', e);
    }
  }

  private lookupFailed(seq: number, lookup: 'workspaces' | 'apiGatewayGroups' | 'nameCheck', e: unknown): void {
    if (isCancelled(e)) return;
    const banner = errorBanner(e, this.locale);
    this.ctx.log.warn(`[forms] businessProcess: loading ${lookup} failed: ${banner.code ?? ''} ${asDataWorksError(e)?.message ?? String(e)}`);
    this.panel.post({ type: 'lookupFailed', seq, lookup, message: banner.message, ...(banner.code ? { code: banner.code } : {}), forbidden: isForbidden(e) });
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

  /** Validates again on the host (the webview's checks are a convenience only) and checks the name with the server. */
  private async validate(raw: RawBusinessProcess): Promise<CreateBusinessProcessValues | undefined> {
    const checked = checkBusinessProcess(raw);
    if (!checked.ok) {
      this.panel.post({ type: 'fieldErrors', errors: checked.errors });
      return undefined;
    }
    try {
      if (await this.nameTaken(checked.value.projectId, checked.value.name)) {
        this.panel.post({ type: 'fieldErrors', errors: [{ path: 'name', code: 'nameTaken' }] });
        return undefined;
      }
    } catch (e) {
      // The check is a courtesy; if it cannot run, the server has the last word.
      if (isCancelled(e)) return undefined;
      this.ctx.log.warn(`[forms] businessProcess: name check failed: ${asDataWorksError(e)?.code ?? String(e)}`);
    }
    return checked.value;
  }

  private async review(raw: RawBusinessProcess): Promise<void> {
    if (this.phase === 'submitting') return;
    const value = await this.validate(raw);
    if (!value) return;
    const request = createDataServiceGroupRequest(value, this.target.region);
    this.lastCli = aliyunCliCommand(request);
    this.panel.post({ type: 'review', request, cli: this.lastCli });
  }

  private async submit(raw: RawBusinessProcess): Promise<void> {
    // One submission at a time, and none after a success until the user starts over.
    if (this.phase !== 'edit') return;
    this.phase = 'submitting';
    this.panel.post({ type: 'submitting' });
    try {
      const value = await this.validate(raw);
      if (!value) {
        this.phase = 'edit';
        return;
      }
      const service = await this.service();
      // Whatever the create does, the verdicts from before it no longer hold.
      this.nameChecks.clear();
      // No abort signal: closing the panel must not cut a create in half (that would make its outcome unknown).
      const res = await service.createBusinessProcess(value);
      this.created = { projectId: value.projectId, groupId: res.groupId };
      this.finish({ outcome: 'success', groupId: res.groupId, requestId: res.requestId, recovered: res.recovered });
      this.panel.clearDraft();
      this.ctx.log.info(`[forms] created business process ${res.groupId} in workspace ${value.projectId} (request ${res.requestId})`);
      this.ctx.onDidWrite({ kind: 'businessProcessCreated', region: this.target.region, projectId: value.projectId, groupId: res.groupId });
      if (this.panel.isDisposed) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Business process {0} created (ID {1}).', value.name, res.groupId));
      }
    } catch (e) {
      if (isCancelled(e) && !this.panel.isDisposed) return;
      this.failed(e);
      if (this.panel.isDisposed) {
        // The panel is gone; the draft in workspaceState still holds every value for the next opening.
        void vscode.window.showWarningMessage(vscode.l10n.t('Creating business process {0} failed: {1}', raw.name.trim(), errorBanner(e, this.locale).message));
      }
    }
  }

  private failed(e: unknown): void {
    const banner = errorBanner(e, this.locale);
    const dw = asDataWorksError(e);
    this.ctx.log.warn(`[forms] CreateDataServiceGroup failed: ${dw ? `${dw.kind} ${dw.code} request ${dw.requestId ?? '-'}` : String(e)}`);
    if (dw?.createVerdict) {
      // Never resent by itself: the user decides, with the verdict in front of them.
      this.finish({ outcome: 'ambiguous', verdict: dw.createVerdict, banner: { ...banner, severity: 'warning' } });
      return;
    }
    const path = dw?.field === undefined ? undefined : FIELD_PATHS[dw.field];
    this.phase = 'edit';
    this.result = undefined;
    this.panel.post({ type: 'result', result: { outcome: 'error', banner, errors: path ? [{ path, text: banner.message }] : [] } });
  }

  private finish(result: BpResult): void {
    this.phase = 'result';
    this.result = result;
    this.panel.post({ type: 'result', result });
  }
}
