// What a form's controller needs of the world, as plain interfaces: the services of the active profile, the panel
// (post to the page, its draft, whether the user closed it), the clipboard, notifications and the log. The adapters
// in src/webview implement them with VS Code; the unit tests with fakes. Nothing in src/forms imports `vscode`.
import type { DataWorksService } from '../api';
import type { Page, TenantUser, UserGroup, Workspace } from '../api';
import type { GroupKind } from '../services/userGroupKind';
import type { Banner } from '../shared/protocol';
import type { StringKey } from '../shared/strings';
import type { asDataWorksError, ClassifiedError, isCancellation, Locale } from '../base/errors';

/** A change made through a form: the explorer reloads only the node it concerns. */
export type WriteChange =
  | { readonly kind: 'businessProcessCreated'; readonly region: string; readonly projectId: number; readonly groupId: string }
  | { readonly kind: 'userGroupsSaved'; readonly region: string; readonly ids: readonly number[] };

/** What to reveal in the tree after a success. */
export type RevealTarget =
  | { readonly kind: 'businessProcess'; readonly region: string; readonly projectId: number; readonly groupId: string }
  | { readonly kind: 'userGroup'; readonly region: string; readonly id?: number; readonly name: string };

/** The forms' view of the active profile: its services, read caches and the tree (FormContext adds VS Code's parts). */
export interface FormServices {
  /** Name of the active profile; part of the draft and panel keys. */
  readonly profileName: string;
  /** The extension's redactor (every registered secret, the proxy password, credential-shaped text). */
  readonly redact: (text: string) => string;
  /** The service of the active profile in a region. Rejects when the profile needs signing in again. */
  getService(region: string): Promise<DataWorksService>;
  /**
   * A page of the region's workspaces (PAGE_SIZE items, as the tree loads them) through the explorer's read cache: the list
   * the tree has shown costs no call, with the tree's lifetime and invalidation. `fresh` drops the cached pages first.
   */
  workspacesPage(region: string, pageNumber: number, fresh: boolean): Promise<Page<Workspace>>;
  /**
   * The tenant's users (what a user group's accounts are picked from) through the explorer's read cache, so that
   * opening the form again within the cache lifetime costs no call. `fresh` reloads them.
   */
  tenantUsers(region: string, fresh: boolean): Promise<readonly TenantUser[]>;
  /** The group's kind when the list or the cache has it: no call. */
  groupKindIfKnown(region: string, group: UserGroup): GroupKind | undefined;
  /** The type and MaxCompute project of a group, from the server's answers, never guessed; cached per group. */
  groupKind(region: string, group: UserGroup): Promise<GroupKind>;
  /** Whether the server lists a type-3 group under a project the user entered (see checkGroupProject). */
  checkGroupProject(region: string, group: UserGroup, projectName: string): Promise<'listed' | 'not-listed' | 'unverifiable'>;
  /** What a successful save wrote: the next edit of the group needs no lookup. */
  rememberGroupKind(region: string, id: number, kind: GroupKind): void;
  /** A group by ID, for a form restored after a window reload; `nameHint` only narrows the search. */
  findUserGroup(region: string, id: number, nameHint: string | undefined): Promise<UserGroup | undefined>;
  onDidWrite(change: WriteChange): void;
  /**
   * Reports a failed write or lookup of this form, as the commands and the tree do theirs: logged (redacted) as
   * "`where` failed", and rejected keys turn this profile's status bar red. A cancel is silent. Returns the failure
   * classified, its texts redacted.
   */
  reportError(error: unknown, where: string): ClassifiedError;
  revealInTree(target: RevealTarget): Promise<void>;
}

/** The form's panel, and what reaches the user beside it. */
export interface FormPort<ToWebview, Draft> {
  /** To the page (held back until it is ready; dropped once the panel is closed). */
  post(msg: ToWebview): void;
  /** True once the user closed the panel. */
  readonly closed: boolean;
  /** Aborted when the panel closes, so no lookup outlives its form. */
  readonly signal: AbortSignal;
  /** The latest draft the page sent, or the one stored from an earlier panel. */
  readonly draft: Draft | undefined;
  clearDraft(): void;
  /** Puts text on the clipboard; `announce` also says so in the status bar. */
  copy(text: string, announce: boolean): Promise<void>;
  /** A notification, for an outcome whose panel is closed. The text is made inert and redacted on the way. */
  notify(severity: 'info' | 'warning', text: string): void;
}

/**
 * The hosts' failure helpers (src/webview/hostSupport.ts), under their names there; the banner and the line come
 * bound to the UI locale and the redactor.
 */
export interface FormErrors {
  readonly asDataWorksError: typeof asDataWorksError;
  readonly isCancelled: typeof isCancellation;
  readonly errorBanner: (e: unknown) => Banner;
  readonly errorLine: (e: unknown) => string;
  /** A result's banner and field error texts through the redactor. */
  readonly redactResult: <R extends { outcome: string }>(result: R) => R;
}

export interface FormLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Everything a controller is made with. `texts` are the form's translated sentences (the adapter's vscode.l10n.t). */
export interface FormEnv<ToWebview, Draft, Texts> {
  readonly region: string;
  readonly locale: Locale;
  readonly services: FormServices;
  readonly port: FormPort<ToWebview, Draft>;
  readonly errors: FormErrors;
  readonly log: FormLog;
  readonly texts: Texts;
  /** The page's translations, by key (put in its init data). */
  pageStrings(): Partial<Record<StringKey, string>>;
}
