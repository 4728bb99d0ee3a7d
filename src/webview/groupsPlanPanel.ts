// The groups-as-code plan panel: plans a *.dwgroups.json file against the server (services/groupsPlan.ts), shows
// the change set (media/forms/groupsPlan.ts) and applies exactly that plan. One panel per file. Apply only from a
// shown plan, only in a trusted workspace, refused when the file or the server's groups changed since the plan.
// The writes go through the profile's service, which records every one in Recent Operations.
import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import { finishedState, applyingState, toPlanView } from '../forms/groupsPlanView';
import { applyPlan, isStalePlan } from '../services/groupsApply';
import { fileProjects, planGroups, type GroupsPlan } from '../services/groupsPlan';
import { exportGroupsFile } from '../services/groupsExport';
import { readGroupsSnapshot } from '../services/groupsSnapshot';
import {
  planInitSchema, planToHostSchema, planToWebviewSchema, type PlanToHost, type PlanToWebview, type PlanView,
} from '../shared/groupsPlanProtocol';
import { parseGroupsFile } from '../shared/groupsFileText';
import { parseMessage } from '../shared/protocol';
import { UserFacingError } from '../util/errors';
import { inertText } from '../util/inertText';
import { withCancellableProgress } from '../util/progress';
import type { FormContext } from './forms';
import { uiLocale } from './hostSupport';
import { planStrings } from './groupsPlanStrings';
import { PageRenderer } from './pageRenderer';
import { registerPanel } from './panelRegistry';

/** The webview panel type of the plan page. */
export const GROUPS_PLAN_VIEW_TYPE = 'dataworks.groupsPlan';

/** The file a plan is made from: its text is read again for each plan (the editor's text when it is open). */
export interface GroupsFileSource {
  readonly uri: vscode.Uri;
  read(): Promise<string>;
}

const panels = new Map<string, GroupsPlanPanel>();

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/**
 * MaxCompute projects are usually named like the workspace: the first page of the region's workspaces (the tree's
 * cached page) gives candidates to search type-3 groups under. A failure here only leaves projects unknown.
 */
async function workspaceProjects(ctx: FormContext, region: string): Promise<string[]> {
  try {
    return (await ctx.workspacesPage(region, 1, false)).items.map((w) => w.identifier);
  } catch {
    return [];
  }
}

/** Reads the file and the server's groups and computes the plan. Throws a UserFacingError for a file with problems. */
async function makePlan(ctx: FormContext, source: GroupsFileSource, signal: AbortSignal): Promise<GroupsPlan> {
  const parsed = parseGroupsFile(await source.read());
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (!parsed.value || errors.length > 0) {
    throw new UserFacingError(vscode.l10n.t('{0} has {1} problem(s): fix them (see the Problems view) and plan again.', fileName(source.uri), Math.max(errors.length, 1)));
  }
  const file = parsed.value;
  const service = await ctx.getService(file.region);
  const projectCandidates = [...new Set([...fileProjects(file), ...(await workspaceProjects(ctx, file.region))])];
  const snapshot = await readGroupsSnapshot(service, file.region, { signal, projectCandidates });
  return planGroups(file, snapshot);
}

async function planWithProgress(ctx: FormContext, source: GroupsFileSource): Promise<GroupsPlan> {
  return withCancellableProgress(vscode.l10n.t('Planning {0}…', inertText(fileName(source.uri))), (signal) => makePlan(ctx, source, signal));
}

/** What the file's plan page shows now (for the extension-host tests); undefined when none is open. */
export function shownGroupsPlan(file: vscode.Uri): PlanView | undefined {
  return panels.get(file.toString())?.shown;
}

/** Plans the file and shows the plan (a new panel, or the file's open one with the new plan). */
export async function showGroupsPlan(ctx: FormContext, source: GroupsFileSource): Promise<void> {
  const plan = await planWithProgress(ctx, source);
  const key = source.uri.toString();
  const open = panels.get(key);
  if (open && open.profile === ctx.profileName) {
    open.show(plan);
    return;
  }
  open?.close();
  const panel = new GroupsPlanPanel(ctx, source, plan);
  panels.set(key, panel);
}

/** Applies the file's shown plan; with none (or a stale one), plans first and shows it: Apply is then the page's. */
export async function applyShownPlan(ctx: FormContext, source: GroupsFileSource): Promise<void> {
  const open = panels.get(source.uri.toString());
  if (open && open.profile === ctx.profileName && open.canApply()) {
    open.reveal();
    await open.apply();
    return;
  }
  await showGroupsPlan(ctx, source);
}

/** The plan panel of one file. */
class GroupsPlanPanel {
  readonly panel: vscode.WebviewPanel;
  readonly profile: string;
  private plan: GroupsPlan;
  private view: PlanView;
  private ready = false;
  private queue: PlanToWebview[] = [];
  private applying: AbortController | undefined;
  private disposed = false;
  private readonly page: PageRenderer<unknown>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly unregister: () => void;

  constructor(private readonly ctx: FormContext, private readonly source: GroupsFileSource, plan: GroupsPlan) {
    this.profile = ctx.profileName;
    this.plan = plan;
    this.view = this.toView(plan);
    this.page = new PageRenderer<unknown>(ctx, { form: 'groupsPlan', title: this.title(), init: planInitSchema });
    this.panel = vscode.window.createWebviewPanel(GROUPS_PLAN_VIEW_TYPE, this.title(), vscode.ViewColumn.Beside, this.page.options());
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      this.panel.onDidChangeViewState(() => {
        if (this.panel.visible) return;
        // A hidden webview's document is destroyed: the next one starts from the page of this moment.
        this.ready = false;
        this.page.render();
      }),
      this.panel.onDidDispose(() => this.dispose()),
      // Any edit of the file makes the plan stale: what would be applied is no longer what the file says.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && e.document.uri.toString() === source.uri.toString()) this.markStale();
      }),
    );
    this.unregister = registerPanel(`groupsPlan:${source.uri.toString()}`, this.panel);
    this.page.bind(this.panel, () => ({ strings: planStrings(), locale: uiLocale(), view: this.view }), () => !this.disposed);
    this.page.render();
  }

  private title(): string {
    return vscode.l10n.t('Plan: {0}', fileName(this.source.uri));
  }

  private toView(plan: GroupsPlan): PlanView {
    return toPlanView(plan, { planId: randomUUID(), fileName: fileName(this.source.uri), profile: this.profile, createdAt: Date.now() }, vscode.l10n.t);
  }

  reveal(): void {
    this.panel.reveal();
  }

  close(): void {
    this.panel.dispose();
  }

  get shown(): PlanView {
    return this.view;
  }

  canApply(): boolean {
    return !this.view.stale && this.view.apply.phase === 'idle' && this.plan.batches.length > 0;
  }

  show(plan: GroupsPlan): void {
    this.applying?.abort();
    this.plan = plan;
    this.view = this.toView(plan);
    this.post({ type: 'view', view: this.view });
    this.panel.reveal();
  }

  private post(msg: PlanToWebview): void {
    if (this.disposed) return;
    if (!parseMessage(planToWebviewSchema, msg)) this.ctx.log.warn(`[groups] outgoing ${msg.type} message does not match the protocol`);
    if (this.ready) void this.panel.webview.postMessage(msg);
    else this.queue.push(msg);
  }

  private markStale(): void {
    if (this.view.stale || this.view.apply.phase === 'applying') return;
    this.view = { ...this.view, stale: true };
    this.post({ type: 'stale', planId: this.view.planId });
  }

  private setApply(apply: PlanView['apply']): void {
    this.view = { ...this.view, apply };
    this.post({ type: 'applyState', planId: this.view.planId, apply });
  }

  private receive(data: unknown): void {
    const msg = parseMessage(planToHostSchema, data);
    if (!msg) {
      this.ctx.log.debug('[groups] ignored a message that does not match the protocol');
      return;
    }
    void this.handle(msg).catch((e: unknown) => {
      const failed = this.ctx.reportError(e, `groups.${msg.type}`);
      if (failed.kind !== 'cancelled') void vscode.window.showErrorMessage(inertText(this.ctx.redact(failed.message)));
    });
  }

  private async handle(msg: PlanToHost): Promise<void> {
    switch (msg.type) {
      case 'ready': {
        this.ready = true;
        // The page was built from the view of its render; what was queued since is newer.
        const queued = this.queue;
        this.queue = [];
        for (const m of queued) void this.panel.webview.postMessage(m);
        return;
      }
      case 'apply':
        if (msg.planId === this.view.planId) await this.apply();
        return;
      case 'cancelApply':
        if (msg.planId === this.view.planId) this.applying?.abort();
        return;
      case 'replan':
        this.show(await planWithProgress(this.ctx, this.source));
        return;
      case 'copyCli': {
        const requests = msg.index === undefined ? this.view.requests : this.view.requests.slice(msg.index, msg.index + 1);
        if (requests.length === 0) return;
        await vscode.env.clipboard.writeText(requests.map((r) => r.cli).join('\n'));
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the aliyun CLI command.'), 3000);
        return;
      }
      case 'copyRequest': {
        const r = this.view.requests[msg.index];
        if (!r) return;
        await vscode.env.clipboard.writeText(`${r.action}\n${r.parameters}`);
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the request.'), 3000);
        return;
      }
      case 'openFile':
        await vscode.window.showTextDocument(this.source.uri, { viewColumn: vscode.ViewColumn.One });
        return;
    }
  }

  /** Applies the shown plan, after the checks; the page and a notification show the progress. */
  async apply(): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Applying a user groups plan writes to DataWorks: trust this workspace first (Manage Workspace Trust).'));
      return;
    }
    if (this.view.stale) {
      await this.offerReplan(vscode.l10n.t('{0} changed since this plan: plan again.', fileName(this.source.uri)));
      return;
    }
    if (!this.canApply()) return;
    const plan = this.plan;
    const view = this.view;
    this.setApply({ ...view.apply, phase: 'confirming' });
    if (plan.counts.delete > 0) {
      const confirm = vscode.l10n.t('Apply and Delete');
      const answer = await this.ctx.prompts.modal(
        vscode.l10n.t('This plan deletes {0} user group(s) in {1}.', inertText(String(plan.counts.delete)), inertText(plan.region)),
        vscode.l10n.t('Their accounts lose the permissions granted through these groups. This cannot be undone.'),
        confirm,
      );
      if (answer !== confirm || this.view.planId !== view.planId) {
        if (this.view.planId === view.planId) this.setApply({ ...view.apply, phase: 'idle' });
        return;
      }
    }
    this.setApply(applyingState(plan, 0));
    const service = await this.ctx.getService(plan.region);
    const abort = new AbortController();
    this.applying = abort;
    try {
      const result = await withCancellableProgress(vscode.l10n.t('Applying {0}…', inertText(fileName(this.source.uri))), (signal, progress) => {
        signal.addEventListener('abort', () => abort.abort());
        return applyPlan(plan, service, {
          signal: abort.signal,
          onBatch: (done, total) => {
            progress.report({ message: vscode.l10n.t('{0} of {1} requests', inertText(String(done)), inertText(String(total))) });
            if (this.view.planId === view.planId) this.setApply(applyingState(plan, done));
          },
          log: (line) => this.ctx.log.info(`[groups] ${line}`),
        });
      });
      const failure = result.error === undefined ? undefined : this.ctx.reportError(result.error, 'groups.apply');
      const shown = failure
        ? { text: this.ctx.redact(failure.parts?.message ?? failure.message), ...(failure.parts?.serverMessage ? { serverMessage: this.ctx.redact(failure.parts.serverMessage) } : {}), ...(failure.requestId ? { requestId: failure.requestId } : {}) }
        : undefined;
      if (this.view.planId === view.planId) this.setApply(finishedState(plan, result, shown));
      if (result.outcome === 'done') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Applied {0}: {1} group(s) written.', inertText(fileName(this.source.uri)), inertText(String(result.applied.length))));
      } else {
        void this.offerReplan(result.outcome === 'cancelled'
          ? vscode.l10n.t('Apply cancelled: {0} group(s) applied, {1} not applied.', result.applied.length, result.notApplied.length)
          : vscode.l10n.t('Apply failed: {0} group(s) applied, {1} not applied, {2} unknown. Plan again to see what remains.', result.applied.length, result.notApplied.length, result.unknown.length), true);
      }
    } catch (e) {
      if (isStalePlan(e)) {
        if (this.view.planId === view.planId) {
          this.view = { ...this.view, stale: true };
          this.setApply({ ...idleOf(this.view), phase: 'stale' });
        }
        await this.offerReplan(vscode.l10n.t('The groups changed since this plan: plan again.'));
        return;
      }
      // The stale check's read failed: nothing was written.
      const failed = this.ctx.reportError(e, 'groups.apply');
      if (this.view.planId === view.planId) {
        this.setApply({ ...idleOf(this.view), phase: failed.kind === 'cancelled' ? 'cancelled' : 'failed', notApplied: plan.batches.flatMap((b) => b.names), message: this.ctx.redact(failed.message) });
      }
      if (failed.kind !== 'cancelled') void vscode.window.showErrorMessage(inertText(this.ctx.redact(failed.message)));
    } finally {
      this.applying = undefined;
      // Even after a failure: a request that failed may have been carried out.
      this.ctx.onDidWrite({ kind: 'userGroupsSaved', region: plan.region, ids: [] });
    }
  }

  private async offerReplan(text: string, error = false): Promise<void> {
    const again = vscode.l10n.t('Plan Again');
    const pick = await (error ? vscode.window.showErrorMessage(inertText(text), again) : vscode.window.showWarningMessage(inertText(text), again));
    if (pick !== again || this.disposed) return;
    try {
      await this.handle({ type: 'replan' });
    } catch (e) {
      const failed = this.ctx.reportError(e, 'groups.replan');
      if (failed.kind !== 'cancelled') void vscode.window.showErrorMessage(inertText(this.ctx.redact(failed.message)));
    }
  }

  private dispose(): void {
    this.disposed = true;
    this.applying?.abort();
    this.unregister();
    if (panels.get(this.source.uri.toString()) === this) panels.delete(this.source.uri.toString());
    for (const d of this.disposables) d.dispose();
  }
}

function idleOf(view: PlanView): PlanView['apply'] {
  return { phase: 'idle', batches: view.apply.batches.map(() => 'skipped'), applied: [], notApplied: [], unknown: [] };
}

/** The region's groups as a *.dwgroups.json file's text (services/groupsExport.ts). */
export async function exportGroupsText(ctx: FormContext, region: string, signal: AbortSignal): Promise<string> {
  const service = await ctx.getService(region);
  const projectCandidates = await workspaceProjects(ctx, region);
  return exportGroupsFile(await readGroupsSnapshot(service, region, { signal, projectCandidates }), region);
}
