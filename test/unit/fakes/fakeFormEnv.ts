// A FormEnv for the forms' controllers over the fake service: the port records what reaches the page and the user,
// the services answer from FakeDataWorksService (the user-group kind through the real resolution in userGroupKind.ts).
import type { FormEnv, FormErrors, RevealTarget, WriteChange } from '../../../src/forms/port';
import type { UserGroup } from '../../../src/api/types';
import { checkGroupProject, kindFromList, resolveGroupKind, type GroupKind } from '../../../src/services/userGroupKind';
import type { Banner } from '../../../src/shared/protocol';
import { classify, type DataWorksErrorLike } from '../../../src/base/errors';
import type { FakeDataWorksService } from './fakeDataWorksService';

/** Shaped like the API layer's DataWorksError as the forms read it (hostSupport.asDataWorksError). */
export class TestDataWorksError extends Error implements DataWorksErrorLike {
  override readonly name = 'DataWorksError';
  readonly action = 'Test';
  readonly retryable = false;
  constructor(
    readonly code: string,
    message: string,
    readonly extra: { kind?: string; httpStatus?: number; createVerdict?: 'created' | 'not-created' | 'unknown'; field?: string; requestId?: string } = {},
  ) {
    super(message);
  }
  get kind(): string { return this.extra.kind ?? 'api'; }
  get httpStatus(): number | undefined { return this.extra.httpStatus; }
  get createVerdict(): 'created' | 'not-created' | 'unknown' | undefined { return this.extra.createVerdict; }
  get field(): string | undefined { return this.extra.field; }
  get requestId(): string | undefined { return this.extra.requestId ?? 'REQ-E'; }
  userMessage(): string {
    return `${this.message} [${this.code}] (request ID ${this.requestId ?? '-'})`;
  }
  userMessageParts(): { message: string } {
    return { message: this.message };
  }
}

function asDataWorksError(e: unknown): DataWorksErrorLike | undefined {
  return e instanceof TestDataWorksError ? e : undefined;
}

/** The failure helpers with the same contract as hostSupport's, in plain text (the real ones need vscode.l10n). */
export const testErrors: FormErrors = {
  asDataWorksError,
  isCancelled: (e) => asDataWorksError(e)?.kind === 'cancelled' || (e instanceof Error && e.name === 'AbortError'),
  errorBanner: (e): Banner => {
    const dw = asDataWorksError(e);
    return dw ? { severity: 'error', message: dw.message, code: dw.code, requestId: dw.requestId ?? '' } : { severity: 'error', message: `Something went wrong: ${String(e)}` };
  },
  errorLine: (e) => asDataWorksError(e)?.userMessage('en') ?? String(e),
  // Redacts like the extension's redactor would a registered secret, so a test can see that results pass it.
  redactResult: (result) => JSON.parse(JSON.stringify(result).replaceAll('SECRET', '***')) as typeof result,
};

export interface Recorded<ToWebview> {
  posts: ToWebview[];
  notices: { severity: 'info' | 'warning'; text: string }[];
  copies: { text: string; announce: boolean }[];
  writes: WriteChange[];
  reveals: RevealTarget[];
  remembered: { id: number; kind: GroupKind }[];
  logs: string[];
  draftCleared: number;
}

export interface FakeForm<ToWebview, Draft, Texts> {
  env: FormEnv<ToWebview, Draft, Texts>;
  rec: Recorded<ToWebview>;
  /** Closes the panel (aborts its signal). */
  close(): void;
  /** The posts of one type. */
  of<T extends ToWebview extends { type: infer K } ? K : never>(type: T): Extract<ToWebview, { type: T }>[];
}

export function fakeForm<ToWebview extends { type: string }, Draft, Texts>(
  service: FakeDataWorksService,
  texts: Texts,
  options: { draft?: Draft; knownKinds?: Map<number, GroupKind> } = {},
): FakeForm<ToWebview, Draft, Texts> {
  const rec: Recorded<ToWebview> = { posts: [], notices: [], copies: [], writes: [], reveals: [], remembered: [], logs: [], draftCleared: 0 };
  const abort = new AbortController();
  let closed = false;
  let draft = options.draft;
  const region = service.region;
  const env: FormEnv<ToWebview, Draft, Texts> = {
    region,
    locale: 'en',
    texts,
    pageStrings: () => ({ 'common.review': 'Review' }),
    log: { info: (m) => rec.logs.push(m), warn: (m) => rec.logs.push(m) },
    errors: testErrors,
    services: {
      profileName: 'p',
      redact: (t) => t.replaceAll('SECRET', '***'),
      getService: () => Promise.resolve(service),
      workspacesPage: (_region, pageNumber) => service.listWorkspaces({ pageNumber, pageSize: 100 }),
      tenantUsers: () => service.listTenantUsers(),
      groupKindIfKnown: (_region, group: UserGroup) => kindFromList(group) ?? options.knownKinds?.get(group.id),
      groupKind: (_region, group) => resolveGroupKind(service, group, () => Promise.resolve(service.workspaces.map((w) => w.identifier))),
      checkGroupProject: (_region, group, projectName) => checkGroupProject(service, group, projectName),
      rememberGroupKind: (_region, id, kind) => rec.remembered.push({ id, kind }),
      findUserGroup: async (_region, id) => {
        const { items } = await service.listUserGroups({ pageNumber: 1, pageSize: 100 });
        return items.find((g) => g.id === id);
      },
      onDidWrite: (change) => rec.writes.push(change),
      // The real classifier, as the extension's reporter uses it; the "log line" is recorded.
      reportError: (e, where) => {
        const failed = classify(e, 'en');
        if (failed.kind !== 'cancelled') rec.logs.push(`${where} failed: ${failed.kind} ${failed.code ?? ''} ${failed.message}`);
        return failed;
      },
      revealInTree: (target) => {
        rec.reveals.push(target);
        return Promise.resolve();
      },
    },
    port: {
      post: (msg) => {
        if (!closed) rec.posts.push(msg);
      },
      get closed() {
        return closed;
      },
      signal: abort.signal,
      get draft() {
        return draft;
      },
      clearDraft: () => {
        draft = undefined;
        rec.draftCleared++;
      },
      copy: (text, announce) => {
        rec.copies.push({ text, announce });
        return Promise.resolve();
      },
      notify: (severity, text) => rec.notices.push({ severity, text }),
    },
  };
  return {
    env,
    rec,
    close: () => {
      closed = true;
      abort.abort();
    },
    of: (type) => rec.posts.filter((p): p is Extract<ToWebview, { type: typeof type }> => p.type === type),
  };
}

/** A promise to hold a call with, and the function that lets it go. */
export function deferred(): { promise: Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

/** Lets every pending promise callback run. */
export const settle = (): Promise<void> => new Promise((r) => setImmediate(r));
