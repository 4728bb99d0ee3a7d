// Host side of the Add/Update User Groups form (DsgUserGroupAddOrUpdate).
import * as vscode from 'vscode';
import type { DataWorksService } from '../api/dataWorksService';
import type { TenantUser, UserGroup } from '../api/types';
import {
  ugInitSchema, ugToHostSchema, ugToWebviewSchema, type UgInit, type DiffRow, type UgRestore, type UgResult, type UgToHost, type UgToWebview, type WireFieldError,
} from '../shared/protocol';
import { aliyunCliCommand, dsgUserGroupAddOrUpdateRequest } from '../shared/requests';
import {
  checkUserGroups, emptyUserGroupRow, projectNameSchema, rawUserGroupsSchema, type RawUserGroups, type SaveUserGroupsValues,
  type UserGroupRowValues,
} from '../shared/schemas';
import type { FormContext, UserGroupFormTarget } from './forms';
import { FormPanel } from './formPanel';
import { serverFieldErrors } from '../shared/serverErrors';
import { asDataWorksError, collectPages, errorBanner, formKey, isCancelled, isForbidden, uiLocale } from './hostSupport';
import { RecentChecks } from './recentChecks';
import { webviewStrings } from './strings';

const MAX_TENANT_USERS = 5000;
const MAX_ROLES = 5000;

function panelKey(ctx: FormContext, target: UserGroupFormTarget): string {
  return formKey('userGroup', ctx.profileName, target.region, target.group ? `group-${target.group.id}` : 'new');
}

export function openUserGroupPanel(ctx: FormContext, target: UserGroupFormTarget): void {
  const key = panelKey(ctx, target);
  if (FormPanel.reveal(key)) return;
  new UserGroupForm(ctx, target, key).start();
}

/** Takes over a panel restored after a window reload; false when it cannot be (the caller closes it). */
export function restoreUserGroupPanel(ctx: FormContext, panel: vscode.WebviewPanel, restore: UgRestore): boolean {
  const target: UserGroupFormTarget = { region: restore.region, ...(restore.group ? { group: restore.group } : {}) };
  const key = panelKey(ctx, target);
  if (restore.profile !== ctx.profileName || FormPanel.isOpen(key)) return false;
  new UserGroupForm(ctx, target, key, panel).start();
  return true;
}

/** The edited group as the restore state carries it (bounded like the protocol). */
function groupSnapshot(g: UserGroup): NonNullable<UgRestore['group']> {
  return {
    id: g.id,
    name: g.name.slice(0, 512),
    owner: g.owner.slice(0, 512),
    accounts: g.accounts.slice(0, 1000).map((a) => a.slice(0, 512)),
    ...(g.type === undefined ? {} : { type: g.type }),
    ...(g.projectName === undefined ? {} : { projectName: g.projectName.slice(0, 512) }),
    createdTime: g.createdTime.slice(0, 64),
    modifiedTime: g.modifiedTime.slice(0, 64),
  };
}

/** The list API may not report the type; a MaxCompute project is the one reliable hint. */
function guessType(g: UserGroup): 1 | 2 | 3 {
  return g.type ?? (g.projectName ? 3 : 1);
}

function prefillFor(group: UserGroup | undefined): RawUserGroups {
  if (!group) return { rows: [emptyUserGroupRow()] };
  return {
    rows: [{
      name: group.name,
      owner: group.owner,
      type: String(guessType(group)),
      projectName: group.projectName ?? '',
      accounts: [...group.accounts],
    }],
  };
}

class UserGroupForm {
  private readonly panel: FormPanel<UgToHost, UgToWebview, RawUserGroups, UgInit>;
  private readonly locale = uiLocale();
  private readonly group: UserGroup | undefined;
  private phase: 'edit' | 'submitting' | 'result' = 'edit';
  private result: UgResult | undefined;
  private lastCli: string | undefined;
  private tenantUsers: Promise<readonly TenantUser[]> | undefined;
  private readonly roles = new Map<string, Promise<readonly string[]>>();
  /** The ID of another group with a name, by name. */
  private readonly nameChecks = new RecentChecks<number | undefined>();

  constructor(private readonly ctx: FormContext, private readonly target: UserGroupFormTarget, key: string, existing?: vscode.WebviewPanel) {
    this.group = target.group;
    this.panel = new FormPanel(ctx, {
      form: 'userGroup',
      key,
      draftKey: `${key}/draft`,
      title: this.group ? vscode.l10n.t('Edit User Group: {0}', this.group.name) : vscode.l10n.t('Add User Groups'),
      toHost: ugToHostSchema,
      toWebview: ugToWebviewSchema,
      init: ugInitSchema,
      draft: rawUserGroupsSchema,
    }, existing);
  }

  start(): void {
    this.panel.start(() => this.init(), (msg) => this.handle(msg));
  }

  private init(): UgInit {
    const draft = this.panel.draft;
    return {
      strings: webviewStrings(),
      locale: this.locale,
      region: this.target.region,
      mode: this.group ? 'edit' : 'add',
      restore: { profile: this.ctx.profileName, region: this.target.region, ...(this.group ? { group: groupSnapshot(this.group) } : {}) },
      prefill: prefillFor(this.group),
      ...(draft ? { draft } : {}),
      typeKnown: this.group?.type !== undefined,
      phase: this.phase,
      ...(this.result ? { result: this.result } : {}),
    };
  }

  private service(): Promise<DataWorksService> {
    return this.ctx.getService(this.target.region);
  }

  /** In edit mode the one row updates the edited group; the ID comes from the target, never from the webview. */
  private ids(): (number | undefined)[] {
    return this.group ? [this.group.id] : [];
  }

  private async handle(msg: UgToHost): Promise<void> {
    switch (msg.type) {
      case 'loadTenantUsers':
        return this.loadTenantUsers(msg.seq, msg.refresh);
      case 'loadMaxComputeRoles':
        return this.loadRoles(msg.seq, msg.projectName, msg.refresh);
      case 'checkName':
        return this.checkName(msg.seq, msg.row, msg.name);
      case 'validate': {
        const checked = this.check(msg.values);
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
          await this.ctx.revealInTree({ kind: 'userGroup', region: this.target.region, name: saved.name, ...(saved.id === undefined ? {} : { id: saved.id }) });
        }
        return;
      }
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

  private check(raw: RawUserGroups): ReturnType<typeof checkUserGroups> {
    if (this.group && raw.rows.length !== 1) {
      // Editing sends only the update of the edited group.
      return { ok: false, errors: [{ path: 'groups', code: 'invalid' }] };
    }
    return checkUserGroups(raw, this.ids());
  }

  private async loadTenantUsers(seq: number, refresh: boolean): Promise<void> {
    if (refresh || !this.tenantUsers) {
      this.tenantUsers = this.service().then((s) => s.listTenantUsers({ signal: this.panel.signal }));
      this.tenantUsers.catch(() => (this.tenantUsers = undefined));
    }
    try {
      const users = await this.tenantUsers;
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

  private lookupFailed(seq: number, lookup: 'tenantUsers' | 'maxComputeRoles' | 'nameCheck', e: unknown): void {
    if (isCancelled(e)) return;
    const banner = errorBanner(e, this.locale);
    this.ctx.log.warn(`[forms] userGroup: loading ${lookup} failed: ${banner.code ?? String(e)}`);
    this.panel.post({ type: 'lookupFailed', seq, lookup, message: banner.message, ...(banner.code ? { code: banner.code } : {}), forbidden: isForbidden(e) });
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
      return items.find((g) => g.name === name && g.id !== this.group?.id)?.id;
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

  private async validate(raw: RawUserGroups): Promise<SaveUserGroupsValues | undefined> {
    const checked = this.check(raw);
    if (!checked.ok) {
      this.panel.post({ type: 'fieldErrors', errors: checked.errors });
      return undefined;
    }
    try {
      // Adding a group under a name that exists would create a second group of that name; we refuse (our choice).
      const taken = await Promise.all(checked.value.groups.map((g) => this.existingId(g.name)));
      const errors: WireFieldError[] = [];
      taken.forEach((id, i) => {
        if (id !== undefined) errors.push({ path: `groups.${i}.name`, text: webviewStrings()['ug.nameTakenBy'].replace('{0}', String(id)) });
      });
      if (errors.length) {
        this.panel.post({ type: 'fieldErrors', errors });
        return undefined;
      }
    } catch (e) {
      if (isCancelled(e)) return undefined;
      this.ctx.log.warn(`[forms] userGroup: name check failed: ${asDataWorksError(e)?.code ?? String(e)}`);
    }
    return checked.value;
  }

  private typeLabel(type: number): string {
    return type === 3 ? vscode.l10n.t('MaxCompute role') : type === 2 ? vscode.l10n.t('RAM role') : vscode.l10n.t('Alibaba Cloud account');
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
        { field: 'type', before: g.type === undefined ? '?' : this.typeLabel(g.type), after: this.typeLabel(after.type) },
        { field: 'projectName', before: cut(g.projectName ?? ''), after: after.projectName ?? '' },
        { field: 'accounts', before: cut(g.accounts.join(', ')), after: cut(after.accounts.join(', ')) },
      ],
      added: after.accounts.filter((a) => !before.has(a)).slice(0, 1000),
      removed: g.accounts.filter((a) => !now.has(a)).map(cut).slice(0, 1000),
    };
  }

  private async review(raw: RawUserGroups): Promise<void> {
    if (this.phase === 'submitting') return;
    const value = await this.validate(raw);
    if (!value) return;
    const request = dsgUserGroupAddOrUpdateRequest(value.groups, this.target.region);
    this.lastCli = aliyunCliCommand(request);
    const first = value.groups[0];
    const diff = first ? this.diff(first) : undefined;
    this.panel.post({ type: 'review', request, cli: this.lastCli, ...(diff ? { diff } : {}) });
  }

  private async submit(raw: RawUserGroups): Promise<void> {
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
      // Whatever the write does, the verdicts from before it no longer hold.
      this.nameChecks.clear();
      // No abort signal: closing the panel must not cut a write in half.
      const res = await service.saveUserGroups(value.groups);
      // The API does not return the IDs of new groups; find them by name so Copy ID and Reveal can work.
      const groups = await Promise.all(value.groups.map(async (g) => {
        if (g.id !== undefined) return { name: g.name, id: g.id };
        const id = await this.findId(service, g.name);
        return id === undefined ? { name: g.name } : { name: g.name, id };
      }));
      this.phase = 'result';
      this.result = { outcome: 'success', requestId: res.requestId, groups };
      this.panel.post({ type: 'result', result: this.result });
      this.panel.clearDraft();
      this.ctx.log.info(`[forms] saved ${groups.length} user group(s) (request ${res.requestId})`);
      this.ctx.onDidWrite({ kind: 'userGroupsSaved', region: this.target.region, ids: groups.flatMap((g) => (g.id === undefined ? [] : [g.id])) });
      if (this.panel.isDisposed) {
        void vscode.window.showInformationMessage(vscode.l10n.t('User groups saved: {0}', groups.map((g) => g.name).join(', ')));
      }
    } catch (e) {
      if (isCancelled(e) && !this.panel.isDisposed) return;
      this.failed(e, raw);
      if (this.panel.isDisposed) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Saving the user groups failed: {0}', errorBanner(e, this.locale).message));
      }
    }
  }

  private async findId(service: DataWorksService, name: string): Promise<number | undefined> {
    try {
      const page = await service.listUserGroups({ name, pageNumber: 1, pageSize: 100 });
      return page.items.find((g) => g.name === name)?.id;
    } catch {
      return undefined;
    }
  }

  private failed(e: unknown, raw: RawUserGroups): void {
    const banner = errorBanner(e, this.locale);
    const dw = asDataWorksError(e);
    this.ctx.log.warn(`[forms] DsgUserGroupAddOrUpdate failed: ${dw ? `${dw.kind} ${dw.code} request ${dw.requestId ?? '-'}` : String(e)}`);
    this.phase = 'edit';
    this.result = undefined;
    const errors = dw?.field ? serverFieldErrors(dw.field, dw.message, raw, banner.message) : [];
    this.panel.post({ type: 'result', result: { outcome: 'error', banner, errors } });
  }
}
