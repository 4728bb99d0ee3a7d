// Host side of the Add/Update User Groups form (DsgUserGroupAddOrUpdate).
import * as vscode from 'vscode';
import type { DataWorksService, UserGroup, UserGroupType } from '../api';
import { editPrefill, userGroupTypeLabel, type GroupKind } from '../services/userGroupKind';
import {
  ugInitSchema, ugToHostSchema, ugToWebviewSchema, type DiffRow, type UgInit, type UgRestore, type UgResult, type UgToHost,
  type UgToWebview, type WireFieldError,
} from '../shared/protocol';
import { dsgUserGroupAddOrUpdateRequest, type WireRequest } from '../shared/requests';
import {
  checkUserGroups, emptyUserGroupRow, projectNameSchema, rawUserGroupsSchema, type Checked, type RawUserGroups,
  type SaveUserGroupsValues, type UserGroupRowValues,
} from '../shared/schemas';
import { serverFieldErrors } from '../shared/serverErrors';
import { FormHost, openOrReveal, takeOver } from './formHost';
import type { FormContext, UserGroupFormTarget } from './forms';
import { asDataWorksError, collectPages, errorBanner, errorLine, formKey, isCancelled } from './hostSupport';
import { RecentChecks } from './recentChecks';
import { formStrings, webviewStrings } from './strings';

const MAX_TENANT_USERS = 5000;
const MAX_ROLES = 5000;

function panelKey(ctx: FormContext, target: UserGroupFormTarget): string {
  const id = target.group?.id ?? target.groupRef?.id;
  return formKey('userGroup', ctx.profileName, target.region, id === undefined ? 'new' : `group-${id}`);
}

export function openUserGroupPanel(ctx: FormContext, target: UserGroupFormTarget): void {
  const key = panelKey(ctx, target);
  openOrReveal(key, () => new UserGroupForm(ctx, target, key));
}

/** Takes over a panel restored after a window reload; false when it cannot be (the caller closes it). */
export function restoreUserGroupPanel(ctx: FormContext, panel: vscode.WebviewPanel, restore: UgRestore): boolean {
  const target: UserGroupFormTarget = { region: restore.region, ...(restore.group ? { groupRef: restore.group } : {}) };
  const key = panelKey(ctx, target);
  return takeOver(ctx, restore.profile, key, () => new UserGroupForm(ctx, target, key, panel));
}

type KindState = 'resolving' | 'known' | 'unknown';

class UserGroupForm extends FormHost<
  UgToHost, UgToWebview, RawUserGroups, UgInit, SaveUserGroupsValues, UgResult, 'tenantUsers' | 'maxComputeRoles'
> {
  /** The edited group as the server listed it; for a restored form, undefined until it is loaded again. */
  private group: UserGroup | undefined;
  private readonly ref: { readonly id: number; readonly name: string } | undefined;
  private kind: GroupKind | undefined;
  private kindState: KindState = 'resolving';
  private readonly roles = new Map<string, Promise<readonly string[]>>();
  /** The ID of another group with a name, by name. */
  protected readonly nameChecks = new RecentChecks<number | undefined>();

  constructor(ctx: FormContext, target: UserGroupFormTarget, key: string, existing?: vscode.WebviewPanel) {
    super(ctx, target.region, {
      form: 'userGroup',
      key,
      title: target.group ?? target.groupRef
        ? vscode.l10n.t('Edit User Group: {0}', (target.group ?? target.groupRef)?.name ?? '')
        : vscode.l10n.t('Add User Groups'),
      toHost: ugToHostSchema,
      toWebview: ugToWebviewSchema,
      draft: rawUserGroupsSchema,
      init: ugInitSchema,
    }, existing, (m) => m);
    this.group = target.group;
    this.ref = target.group ? { id: target.group.id, name: target.group.name } : target.groupRef;
    if (this.group) this.kind = this.ctx.groupKindIfKnown(this.region, this.group);
    if (this.kind) this.kindState = 'known';
  }

  override start(): void {
    super.start();
    if (this.ref && this.kindState === 'resolving') void this.settleGroup();
  }

  /**
   * Edit mode: loads a restored form's group again and asks the server for the group's type and project. Until
   * this ends the form cannot be saved (check() refuses without a loaded group; an unknown type has no selection).
   */
  private async settleGroup(): Promise<void> {
    const ref = this.ref;
    if (!ref) return;
    try {
      this.group ??= await this.ctx.findUserGroup(this.region, ref.id, ref.name);
      if (!this.group) {
        this.kindState = 'unknown';
        this.post({ type: 'fieldErrors', errors: [{ path: '', text: vscode.l10n.t('User group {0} was not found. It may have been deleted; close this form.', String(ref.id)) }] });
        this.panel.post({ type: 'groupKind', state: 'unknown' });
        return;
      }
      this.kind = await this.ctx.groupKind(this.region, this.group);
    } catch (e) {
      if (isCancelled(e)) return;
      this.ctx.log.warn(`[forms] the type of user group ${ref.id} could not be read: ${asDataWorksError(e)?.code ?? String(e)}`);
      this.kind = undefined;
    }
    this.kindState = this.kind?.type === undefined ? 'unknown' : 'known';
    this.panel.post({
      type: 'groupKind',
      state: this.kindState,
      ...(this.kind?.type === undefined ? {} : { groupType: this.kind.type }),
      ...(this.kind?.projectName ? { projectName: this.kind.projectName.slice(0, 64) } : {}),
    });
  }

  protected init(): UgInit {
    const draft = this.panel.draft;
    return {
      strings: formStrings('ug'),
      locale: this.locale,
      region: this.region,
      mode: this.ref ? 'edit' : 'add',
      restore: { profile: this.ctx.profileName, region: this.region, ...(this.ref ? { group: { id: this.ref.id, name: this.ref.name.slice(0, 512) } } : {}) },
      prefill: this.group ? editPrefill(this.group, this.kind) : { rows: [emptyUserGroupRow()] },
      ...(draft ? { draft } : {}),
      kind: this.ref ? this.kindState : 'known',
      phase: this.phase,
      ...(this.result ? { result: this.result } : {}),
    };
  }

  /** In edit mode the one row updates the edited group; the ID comes from the target, never from the webview. */
  private ids(): (number | undefined)[] {
    return this.ref ? [this.ref.id] : [];
  }

  protected async handle(msg: UgToHost): Promise<void> {
    switch (msg.type) {
      case 'loadTenantUsers':
        return this.loadTenantUsers(msg.seq, msg.refresh);
      case 'loadMaxComputeRoles':
        return this.loadRoles(msg.seq, msg.projectName, msg.refresh);
      case 'checkName':
        return this.checkName(msg.seq, msg.row, msg.name);
      case 'validate':
        return this.validateNow(msg.values);
      case 'review':
        return this.review(msg.values);
      case 'submit':
        return this.submit(msg.values);
      case 'copyCli':
        return this.copyCli();
      case 'copyId': {
        const saved = this.result?.outcome === 'success' ? this.result.groups[msg.index] : undefined;
        if (saved?.id !== undefined) {
          await vscode.env.clipboard.writeText(String(saved.id));
          vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', String(saved.id)), 3000);
        }
        return;
      }
      case 'revealInTree': {
        const saved = this.result?.outcome === 'success' ? this.result.groups[msg.index] : undefined;
        if (saved) {
          await this.ctx.revealInTree({ kind: 'userGroup', region: this.region, name: saved.name, ...(saved.id === undefined ? {} : { id: saved.id }) });
        }
        return;
      }
      case 'reset':
        return this.reset();
      case 'ready':
      case 'draft':
        return;
    }
  }

  protected check(raw: RawUserGroups): Checked<SaveUserGroupsValues> {
    // A restored form saves nothing before its group is loaded again: the review's "before" comes from the server.
    if (this.ref && !this.group) return { ok: false, errors: [{ path: '', code: 'groupNotLoaded' }] };
    if (this.ref && raw.rows.length !== 1) {
      // Editing sends only the update of the edited group.
      return { ok: false, errors: [{ path: 'groups', code: 'invalid' }] };
    }
    return checkUserGroups(raw, this.ids());
  }

  private async loadTenantUsers(seq: number, refresh: boolean): Promise<void> {
    try {
      // Through the explorer's read cache: another opening of the form within its lifetime makes no call.
      const users = await this.ctx.tenantUsers(this.region, refresh);
      this.panel.post({
        type: 'tenantUsers',
        seq,
        items: users.slice(0, MAX_TENANT_USERS).map((u) => ({
          accountName: u.accountName.slice(0, 512), accountType: Math.trunc(u.accountType), yunAccount: u.yunAccount.slice(0, 512),
        })),
      });
    } catch (e) {
      this.lookupFailed(seq, 'tenantUsers', e);
    }
  }

  private async loadRoles(seq: number, projectNameRaw: string, refresh: boolean): Promise<void> {
    const parsed = projectNameSchema.safeParse(projectNameRaw);
    if (!parsed.success || parsed.data === '') return;
    const projectName = parsed.data;
    let roles = this.roles.get(projectName);
    if (refresh || !roles) {
      roles = this.service().then((s) => s.listMaxComputeRoles(projectName, { signal: this.panel.signal }));
      roles.catch(() => this.roles.delete(projectName));
      this.roles.set(projectName, roles);
    }
    try {
      const list = await roles;
      this.panel.post({ type: 'maxComputeRoles', seq, projectName, roles: list.slice(0, MAX_ROLES).map((r) => r.slice(0, 512)) });
    } catch (e) {
      this.lookupFailed(seq, 'maxComputeRoles', e);
    }
  }

  /**
   * The ID of another group with exactly this name (the list API's name filter is fuzzy). Leaving the name box, the
   * review and the submit ask one after another: a recent verdict serves all three.
   */
  private existingId(name: string): Promise<number | undefined> {
    return this.nameChecks.get(name, async () => {
      const s = await this.service();
      const { items } = await collectPages(
        (pageNumber, pageSize) => s.listUserGroups({ name, pageNumber, pageSize }, { signal: this.panel.signal }),
        100,
        500,
      );
      return items.find((g) => g.name === name && g.id !== this.ref?.id)?.id;
    });
  }

  private async checkName(seq: number, row: number, nameRaw: string): Promise<void> {
    const name = nameRaw.trim();
    if (name === '') return;
    try {
      const existingId = await this.existingId(name);
      this.panel.post({ type: 'nameCheck', seq, row, name: nameRaw, ...(existingId === undefined ? {} : { existingId }) });
    } catch (e) {
      this.lookupFailed(seq, 'nameCheck', e);
    }
  }

  /**
   * Adding a group under a name that exists would create a second group of that name; we refuse (our choice). An
   * edited MaxCompute-role group whose project the server's answers did not name: the project the user entered must
   * be one the server lists the group under, or saving would move the group.
   */
  protected async nameConflicts(value: SaveUserGroupsValues): Promise<WireFieldError[]> {
    const [taken, project] = await Promise.all([
      Promise.all(value.groups.map((g) => this.existingId(g.name))),
      this.projectConflict(value),
    ]);
    return [
      ...taken.flatMap((id, i) =>
        id === undefined ? [] : [{ path: `groups.${i}.name`, text: webviewStrings()['ug.nameTakenBy'].replace('{0}', String(id)) }]),
      ...project,
    ];
  }

  private async projectConflict(value: SaveUserGroupsValues): Promise<WireFieldError[]> {
    const row = value.groups[0];
    const group = this.group;
    if (!group || !row || row.type !== 3 || !row.projectName || this.kind?.type !== 3 || this.kind.projectName) return [];
    const verdict = await this.ctx.checkGroupProject(this.region, group, row.projectName);
    if (verdict === 'listed') {
      this.kind = { type: 3, projectName: row.projectName };
      return [];
    }
    if (verdict === 'unverifiable') {
      this.ctx.log.info(`[forms] user group ${group.id}: the project entered cannot be checked (the ProjectName filter is not applied)`);
      return [];
    }
    return [{ path: 'groups.0.projectName', text: webviewStrings()['ug.projectNotListed'].replace('{0}', row.projectName) }];
  }

  private typeLabel(type: UserGroupType): string {
    return userGroupTypeLabel(type, (message, ...args) => vscode.l10n.t(message, ...args));
  }

  private diff(after: UserGroupRowValues): { rows: DiffRow[]; added: string[]; removed: string[] } | undefined {
    const g = this.group;
    if (!g) return undefined;
    const before = new Set(g.accounts);
    const now = new Set(after.accounts);
    const cut = (s: string) => s.slice(0, 20_000);
    return {
      rows: [
        { field: 'name', before: cut(g.name), after: after.name },
        { field: 'owner', before: cut(g.owner), after: after.owner },
        { field: 'type', before: this.kind?.type === undefined ? '?' : this.typeLabel(this.kind.type), after: this.typeLabel(after.type) },
        {
          field: 'projectName',
          before: this.kind?.type === undefined || (this.kind.type === 3 && !this.kind.projectName) ? '?' : cut(this.kind.projectName ?? ''),
          after: after.projectName ?? '',
        },
        { field: 'accounts', before: cut(g.accounts.join(', ')), after: cut(after.accounts.join(', ')) },
      ],
      added: after.accounts.filter((a) => !before.has(a)).slice(0, 1000),
      removed: g.accounts.filter((a) => !now.has(a)).map(cut).slice(0, 1000),
    };
  }

  protected request(value: SaveUserGroupsValues): WireRequest {
    return dsgUserGroupAddOrUpdateRequest(value.groups, this.region);
  }

  protected override reviewMessage(value: SaveUserGroupsValues, request: WireRequest, cli: string): UgToWebview {
    const first = value.groups[0];
    const diff = first ? this.diff(first) : undefined;
    return { type: 'review', request, cli, ...(diff ? { diff } : {}) };
  }

  protected async write(service: DataWorksService, value: SaveUserGroupsValues): Promise<{ result: UgResult; closedText: string }> {
    // No abort signal: closing the panel must not cut a write in half.
    const res = await service.saveUserGroups(value.groups);
    // The API does not return the IDs of new groups; find them by name so Copy ID and Reveal can work.
    const groups = await Promise.all(value.groups.map(async (g) => {
      if (g.id !== undefined) return { name: g.name, id: g.id };
      const id = await this.findId(service, g.name);
      return id === undefined ? { name: g.name } : { name: g.name, id };
    }));
    this.ctx.log.info(`[forms] saved ${groups.length} user group(s) (request ${res.requestId})`);
    // What was written is now known; the next edit needs no lookup.
    value.groups.forEach((g, i) => {
      const id = groups[i]?.id;
      if (id !== undefined) this.ctx.rememberGroupKind(this.region, id, { type: g.type, ...(g.type === 3 && g.projectName ? { projectName: g.projectName } : {}) });
    });
    if (this.ref) {
      const written = value.groups[0];
      if (written) {
        this.kind = { type: written.type, ...(written.type === 3 && written.projectName ? { projectName: written.projectName } : {}) };
        this.kindState = 'known';
      }
    }
    this.ctx.onDidWrite({ kind: 'userGroupsSaved', region: this.region, ids: groups.flatMap((g) => (g.id === undefined ? [] : [g.id])) });
    return {
      result: { outcome: 'success', requestId: res.requestId, groups },
      closedText: vscode.l10n.t('User groups saved: {0}', groups.map((g) => g.name).join(', ')),
    };
  }

  private async findId(service: DataWorksService, name: string): Promise<number | undefined> {
    try {
      const page = await service.listUserGroups({ name, pageNumber: 1, pageSize: 100 });
      return page.items.find((g) => g.name === name)?.id;
    } catch {
      return undefined;
    }
  }

  protected failure(e: unknown, raw: RawUserGroups): { result: UgResult; closedText: string } {
    const banner = errorBanner(e, this.locale, this.ctx.redact);
    const dw = asDataWorksError(e);
    this.ctx.log.warn(`[forms] DsgUserGroupAddOrUpdate failed: ${dw ? `${dw.kind} ${dw.code} request ${dw.requestId ?? '-'}: ${dw.userMessage('en')}` : String(e)}`);
    const errors = dw?.field ? serverFieldErrors(dw.field, dw.message, raw, banner) : [];
    return {
      result: { outcome: 'error', banner, errors },
      closedText: vscode.l10n.t('Saving the user groups failed: {0}', errorLine(e, this.locale, this.ctx.redact)),
    };
  }
}
