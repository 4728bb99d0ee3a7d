// The Add/Update User Groups form's logic (DsgUserGroupAddOrUpdate): its lookups and name checks, the edited group's
// type and project (asked of the server, never guessed), a restored form's group loaded again by ID, the review's
// diff and the outcomes.
import type { DataWorksService } from '../api';
import type { UserGroup, UserGroupType } from '../api';
import { editPrefill, type GroupKind } from '../services/userGroupKind';
import type { DiffRow, UgInit, UgResult, UgToHost, UgToWebview, WireFieldError } from '../shared/protocol';
import { dsgUserGroupAddOrUpdateRequest, type WireRequest } from '../shared/requests';
import {
  checkUserGroups, emptyUserGroupRow, projectNameSchema, type Checked, type RawUserGroups, type SaveUserGroupsValues,
  type UserGroupRowValues,
} from '../shared/schemas';
import { serverFieldErrors } from '../shared/serverErrors';
import { FormController } from './formController';
import { collectPages } from './paging';
import type { FormEnv } from './port';
import { RecentChecks } from './recentChecks';
import { SharedLoads } from './sharedLoads';

const MAX_TENANT_USERS = 5000;
const MAX_ROLES = 5000;

/** The form's sentences, translated by the adapter. */
export interface UgTexts {
  groupNotFound(id: string): string;
  typeLabel(type: UserGroupType): string;
  saved(names: string): string;
  saveFailed(line: string): string;
  nameTakenBy(id: string): string;
  projectNotListed(projectName: string): string;
}

export interface UserGroupTarget {
  readonly region: string;
  /** The group to edit, as the tree listed it; absent to add a new group. */
  readonly group?: UserGroup;
  /** A restored form's group: only which one; the form loads it from the server. */
  readonly groupRef?: { readonly id: number; readonly name: string };
}

export type UgEnv = FormEnv<UgToWebview, RawUserGroups, UgTexts>;

type KindState = 'resolving' | 'known' | 'unknown';

export class UserGroupController extends FormController<
  UgToHost, UgToWebview, RawUserGroups, UgInit, SaveUserGroupsValues, UgResult, 'tenantUsers' | 'maxComputeRoles', UgTexts
> {
  /** The edited group as the server listed it; for a restored form, undefined until it is loaded again. */
  private group: UserGroup | undefined;
  private readonly ref: { readonly id: number; readonly name: string } | undefined;
  private kind: GroupKind | undefined;
  private kindState: KindState = 'resolving';
  private readonly roles = new SharedLoads<readonly string[]>();
  /** The ID of another group with a name, by name. */
  protected readonly nameChecks = new RecentChecks<number | undefined>();

  constructor(env: UgEnv, target: UserGroupTarget) {
    super('userGroup', env, (m) => m);
    this.group = target.group;
    this.ref = target.group ? { id: target.group.id, name: target.group.name } : target.groupRef;
    if (this.group) this.kind = env.services.groupKindIfKnown(this.region, this.group);
    if (this.kind) this.kindState = 'known';
  }

  override start(): void {
    if (this.ref && this.kindState === 'resolving') void this.settleGroup();
  }

  /**
   * Edit mode: loads a restored form's group again and asks the server for the group's type and project. Until
   * this ends the form cannot be saved (check() refuses without a loaded group; an unknown type has no selection).
   */
  private async settleGroup(): Promise<void> {
    const { services, port } = this.env;
    const ref = this.ref;
    if (!ref) return;
    try {
      this.group ??= await services.findUserGroup(this.region, ref.id, ref.name);
      if (!this.group) {
        this.kindState = 'unknown';
        this.post({ type: 'fieldErrors', errors: [{ path: '', text: this.env.texts.groupNotFound(String(ref.id)) }] });
        port.post({ type: 'groupKind', state: 'unknown' });
        return;
      }
      this.kind = await services.groupKind(this.region, this.group);
    } catch (e) {
      if (this.env.errors.isCancelled(e)) return;
      this.env.log.warn(`[forms] the type of user group ${ref.id} could not be read: ${this.env.errors.asDataWorksError(e)?.code ?? String(e)}`);
      this.kind = undefined;
    }
    this.kindState = this.kind?.type === undefined ? 'unknown' : 'known';
    port.post({
      type: 'groupKind',
      state: this.kindState,
      ...(this.kind?.type === undefined ? {} : { groupType: this.kind.type }),
      ...(this.kind?.projectName ? { projectName: this.kind.projectName.slice(0, 64) } : {}),
    });
  }

  init(): UgInit {
    return {
      ...this.initCommon(),
      mode: this.ref ? 'edit' : 'add',
      restore: { profile: this.env.services.profileName, region: this.region, ...(this.ref ? { group: { id: this.ref.id, name: this.ref.name.slice(0, 512) } } : {}) },
      prefill: this.group ? editPrefill(this.group, this.kind) : { rows: [emptyUserGroupRow()] },
      kind: this.ref ? this.kindState : 'known',
    };
  }

  /** In edit mode the one row updates the edited group; the ID comes from the target, never from the webview. */
  private ids(): (number | undefined)[] {
    return this.ref ? [this.ref.id] : [];
  }

  async handle(msg: UgToHost): Promise<void> {
    switch (msg.type) {
      case 'loadTenantUsers':
        return this.loadTenantUsers(msg.seq, msg.refresh);
      case 'loadMaxComputeRoles':
        return this.loadRoles(msg.seq, msg.projectName, msg.refresh);
      case 'checkName':
        return this.checkName(msg.seq, msg.row, msg.name);
      case 'copyId': {
        const saved = this.result?.outcome === 'success' ? this.result.groups[msg.index] : undefined;
        if (saved?.id !== undefined) await this.env.port.copy(String(saved.id), true);
        return;
      }
      case 'revealInTree': {
        const saved = this.result?.outcome === 'success' ? this.result.groups[msg.index] : undefined;
        if (saved) {
          await this.env.services.revealInTree({ kind: 'userGroup', region: this.region, name: saved.name, ...(saved.id === undefined ? {} : { id: saved.id }) });
        }
        return;
      }
      default:
        return this.handleCommon(msg);
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

  private loadTenantUsers(seq: number, refresh: boolean): Promise<void> {
    // Through the explorer's read cache: another opening of the form within its lifetime makes no call.
    return this.answer(seq, 'tenantUsers', () => this.env.services.tenantUsers(this.region, refresh), (users) => ({
      type: 'tenantUsers',
      seq,
      items: users.slice(0, MAX_TENANT_USERS).map((u) => ({
        accountName: u.accountName.slice(0, 512), accountType: Math.trunc(u.accountType), yunAccount: u.yunAccount.slice(0, 512),
      })),
    }));
  }

  private async loadRoles(seq: number, projectNameRaw: string, refresh: boolean): Promise<void> {
    const parsed = projectNameSchema.safeParse(projectNameRaw);
    if (!parsed.success || parsed.data === '') return;
    const projectName = parsed.data;
    const signal = this.env.port.signal;
    return this.answer(
      seq,
      'maxComputeRoles',
      () => this.roles.get(projectName, refresh, () => this.service().then((s) => s.listMaxComputeRoles(projectName, { signal }))),
      (list) => ({ type: 'maxComputeRoles', seq, projectName, roles: list.slice(0, MAX_ROLES).map((r) => r.slice(0, 512)) }),
    );
  }

  /**
   * The ID of another group with exactly this name (the list API's name filter is fuzzy). Leaving the name box, the
   * review and the submit ask one after another: a recent verdict serves all three.
   */
  private existingId(name: string): Promise<number | undefined> {
    return this.nameChecks.get(name, async () => {
      const s = await this.service();
      const { items } = await collectPages(
        (pageNumber, pageSize) => s.listUserGroups({ name, pageNumber, pageSize }, { signal: this.env.port.signal }),
        100,
        500,
      );
      return items.find((g) => g.name === name && g.id !== this.ref?.id)?.id;
    });
  }

  private async checkName(seq: number, row: number, nameRaw: string): Promise<void> {
    const name = nameRaw.trim();
    if (name === '') return;
    return this.answer(seq, 'nameCheck', () => this.existingId(name), (existingId) => ({
      type: 'nameCheck', seq, row, name: nameRaw, ...(existingId === undefined ? {} : { existingId }),
    }));
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
      ...taken.flatMap((id, i) => (id === undefined ? [] : [{ path: `groups.${i}.name`, text: this.env.texts.nameTakenBy(String(id)) }])),
      ...project,
    ];
  }

  private async projectConflict(value: SaveUserGroupsValues): Promise<WireFieldError[]> {
    const row = value.groups[0];
    const group = this.group;
    if (!group || !row || row.type !== 3 || !row.projectName || this.kind?.type !== 3 || this.kind.projectName) return [];
    const verdict = await this.env.services.checkGroupProject(this.region, group, row.projectName);
    if (verdict === 'listed') {
      this.kind = { type: 3, projectName: row.projectName };
      return [];
    }
    if (verdict === 'unverifiable') {
      this.env.log.info(`[forms] user group ${group.id}: the project entered cannot be checked (the ProjectName filter is not applied)`);
      return [];
    }
    return [{ path: 'groups.0.projectName', text: this.env.texts.projectNotListed(row.projectName) }];
  }

  private diff(after: UserGroupRowValues): { rows: DiffRow[]; added: string[]; removed: string[] } | undefined {
    const g = this.group;
    if (!g) return undefined;
    const typeLabel = (type: UserGroupType) => this.env.texts.typeLabel(type);
    const before = new Set(g.accounts);
    const now = new Set(after.accounts);
    const cut = (s: string) => s.slice(0, 20_000);
    return {
      rows: [
        { field: 'name', before: cut(g.name), after: after.name },
        { field: 'owner', before: cut(g.owner), after: after.owner },
        { field: 'type', before: this.kind?.type === undefined ? '?' : typeLabel(this.kind.type), after: typeLabel(after.type) },
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
    const { services } = this.env;
    // No abort signal: closing the panel must not cut a write in half.
    const res = await service.saveUserGroups(value.groups);
    // The API does not return the IDs of new groups; find them by name so Copy ID and Reveal can work.
    const groups = await Promise.all(value.groups.map(async (g) => {
      if (g.id !== undefined) return { name: g.name, id: g.id };
      const id = await findId(service, g.name);
      return id === undefined ? { name: g.name } : { name: g.name, id };
    }));
    this.env.log.info(`[forms] saved ${groups.length} user group(s) (request ${res.requestId})`);
    // What was written is now known; the next edit needs no lookup.
    value.groups.forEach((g, i) => {
      const id = groups[i]?.id;
      if (id !== undefined) services.rememberGroupKind(this.region, id, writtenKind(g));
    });
    const written = value.groups[0];
    if (this.ref && written) {
      this.kind = writtenKind(written);
      this.kindState = 'known';
    }
    services.onDidWrite({ kind: 'userGroupsSaved', region: this.region, ids: groups.flatMap((g) => (g.id === undefined ? [] : [g.id])) });
    return {
      result: { outcome: 'success', requestId: res.requestId, groups },
      closedText: this.env.texts.saved(groups.map((g) => g.name).join(', ')),
    };
  }

  protected failure(e: unknown, raw: RawUserGroups): { result: UgResult; closedText: string } {
    const { asDataWorksError, errorBanner, errorLine } = this.env.errors;
    const banner = errorBanner(e);
    const dw = asDataWorksError(e);
    this.env.services.reportError(e, '[forms] DsgUserGroupAddOrUpdate');
    const errors = dw?.field ? serverFieldErrors(dw.field, dw.message, raw, banner) : [];
    return {
      result: { outcome: 'error', banner, errors },
      closedText: this.env.texts.saveFailed(errorLine(e)),
    };
  }
}

/** The kind a saved row gave its group. */
function writtenKind(g: UserGroupRowValues): GroupKind {
  return { type: g.type, ...(g.type === 3 && g.projectName ? { projectName: g.projectName } : {}) };
}

async function findId(service: DataWorksService, name: string): Promise<number | undefined> {
  try {
    const page = await service.listUserGroups({ name, pageNumber: 1, pageSize: 100 });
    return page.items.find((g) => g.name === name)?.id;
  } catch {
    return undefined;
  }
}
