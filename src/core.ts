import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { ProfileStore } from './auth/profileStore';
import { DEFAULT_REGION } from './auth/environment';
import { COMMAND_TABLE } from './commands';
import { registerGroupsCodeLens } from './services/groupsCodeLens';
import { createLmTools, type LmToolHost } from './commands/lmTools';
import type { Deps } from './commands/deps';
import { runCommand } from './commands/runCommand';
import type { CommandId } from './constants';
import { OUTPUT_CHANNEL_NAME, PAGE_SIZE, Settings } from './constants';
import type * as Deferred from './deferred';
import { regionName } from './base/regions';
import { AuthState } from './services/authState';
import { createFormContext } from './formContext';
import { createErrorReporter, type ReportError } from './services/errorReporter';
import { createLoadErrorReporter } from './services/loadErrors';
import { cacheKeys } from './services/cacheKeys';
import { GroupsFileDiagnostics } from './services/groupsFileDiagnostics';
import type { GroupsFileLookups } from './services/groupsFileCheck';
import { ReadCache } from './services/readCache';
import { GroupKindCache } from './services/userGroupKind';
import { inertText } from './util/inertText';
import { operationRequestDocument } from './services/operations';
import { nodeStoreFs, OperationStore } from './services/operationStore';
import { ServiceProvider } from './services/serviceProvider';
import { isChinese, settings } from './services/settings';
import { ProfileStatusBar } from './statusBar';
import { ApiPreload } from './tree/apiPreload';
import { ExplorerModel } from './tree/explorerModel';
import { ExplorerView } from './tree/explorerView';
import type { TreeNode } from './tree/node';
import type { Translate } from './util/translate';
import { OperationsProvider, type OperationNode } from './tree/operationsView';
import { Logger } from './util/log';
import { RecordingPrompts, windowPrompts } from './util/prompts';
import { TeeLogSink } from './util/memoryLog';
import { Redactor } from './util/redact';
import type { FormContext } from './webview/forms';
import { loadForms } from './webview/loadForms';
import type { PlanView } from './shared/groupsPlanProtocol';
import type { Locale } from './base/errors';

/**
 * The explorer's internals, for the extension-host tests only (through the handle activate() returns in
 * ExtensionMode.Test): in normal use any other extension can read `exports`, and this object reaches the credentials.
 */
export interface DataWorksTestApi {
  readonly profiles: ProfileStore;
  readonly model: ExplorerModel;
  readonly tree: vscode.TreeDataProvider<TreeNode>;
  readonly cache: ReadCache;
  readonly services: ServiceProvider;
  /** Recent Operations' store (the file in global storage) and this extension host's session. */
  readonly operations: OperationStore;
  readonly operationsTree: vscode.TreeDataProvider<OperationNode>;
  readonly session: string;
  readonly globalStorage: vscode.Uri;
  /** The extension's own stores, to assert where secrets are and are not. */
  readonly globalState: vscode.Memento;
  readonly secrets: vscode.SecretStorage;
  /** Whether the server rejected the profile's credentials (the status bar's error colour). */
  isRejected(profileName: string): boolean;
  /** The last lines written to the DataWorks output channel, as written (redacted). */
  recentLog(): readonly string[];
  /** What a form opened now would get. */
  formContext(): FormContext;
  /** The explorer's selected rows. */
  explorerSelection(): readonly TreeNode[];
  /** Every modal of the groups plan page, answered by the test while it sets `answer`. */
  readonly prompts: RecordingPrompts | undefined;
  /** What the plan page of this groups file shows now (undefined: no page open). */
  groupsPlanView(file: vscode.Uri): Promise<PlanView | undefined>;
}

/** What dist/extension.js hands over to: the tree, every command and the forms' context. */
export interface Core {
  readonly provider: vscode.TreeDataProvider<TreeNode>;
  readonly operations: vscode.TreeDataProvider<OperationNode>;
  /** The text of a Show Request document (scheme OPERATION_DOC_SCHEME). */
  operationDocument(uri: vscode.Uri): Promise<string>;
  /** Runs a command behind the one error boundary; never rejects. */
  run(id: CommandId, args: readonly unknown[]): Promise<void>;
  /** The forms' view of the active profile; throws a UserFacingError without one. */
  formContext(): FormContext;
  /** The one error reporter (log, redaction, rejected keys), for what fails outside a command, the tree or a form. */
  readonly reportError: ReportError;
  /** The language model tools behind the stubs dist/extension.js registers. */
  readonly lmTools: LmToolHost;
  /** Starts the diagnostics and the CodeLens of `*.dwgroups.json` files (once; later calls do nothing). */
  startGroupsFiles(): void;
  readonly testApi: DataWorksTestApi;
}

// Composition root of dist/core.js, built on the first use after activation (the tree's first rows, a command, a
// restored form): the services, the explorer, the status bar and the command handlers. No network and no secret
// reads here: the tree loads when VS Code asks for it, the API layer on its first call (its code earlier, once the
// view is shown: src/tree/apiPreload.ts).
export function createCore(
  context: vscode.ExtensionContext, treeView: vscode.TreeView<TreeNode>, operationsView: vscode.TreeView<OperationNode>,
): Core {
  const channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const sink = new TeeLogSink(channel);
  const redactor = new Redactor();
  const log = new Logger(sink, redactor);
  const locale = (): Locale => (isChinese() ? 'zh-cn' : 'en');
  const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

  const profiles = new ProfileStore({
    secrets: context.secrets,
    state: context.globalState,
    drafts: context.workspaceState,
    env: process.env,
    onSecret: (c) => redactor.add(c.accessKeyId, c.accessKeySecret, c.securityToken),
    onStorageError: (m) => log.warn(m),
    onRefusedRegion: (profileName, where) => {
      // A profile name is outside text (the CLI file, an earlier version's store).
      const profile = inertText(profileName);
      log.warn(`Profile ${profile}: a ${where} region is not a region ID and is not used`);
      void vscode.window.showWarningMessage(where === 'environment'
        ? vscode.l10n.t('ALIBABA_CLOUD_REGION_ID is not a valid region ID (lower-case letters, digits and dashes, such as cn-hangzhou); the Environment profile uses {0} instead.', inertText(DEFAULT_REGION))
        : where === 'stored'
          ? vscode.l10n.t('The region saved for profile {0} is not a valid region ID; {1} is used instead.', profile, inertText(DEFAULT_REGION))
          : vscode.l10n.t('A remembered region of profile {0} is not a valid region ID and is no longer shown.', profile));
    },
  });
  const cache = new ReadCache(settings.cacheTtlMs);
  const groupKinds = new GroupKindCache(settings.cacheTtlMs);
  const version = (context.extension.packageJSON as { version?: unknown }).version;
  // dist/deferred.js (see esbuild.js): read on the first API call, or earlier by the preload once the view is shown.
  const loadDeferred = (): Promise<typeof Deferred> => import('./deferred');
  // Recent Operations: the file is read when the view or a write first needs it, never here.
  const session = randomUUID();
  const operations = new OperationStore({
    fs: nodeStoreFs, codec: loadDeferred, dir: context.globalStorageUri.fsPath, session, log: (m) => log.warn(m),
  });
  const services = new ServiceProvider({
    // Every write of every service (forms, commands, what comes later) is recorded here, and only here.
    decorate: () => loadDeferred().then((m) => (service, profileName) => m.recordWrites(service, profileName, {
      store: operations, session, newId: randomUUID, redact: (t) => redactor.redact(t), log: (m) => log.warn(m),
    })),
    profiles,
    factory: () => loadDeferred().then((m) => m.createDataWorksService),
    settings,
    logger: log,
    onSecrets: (values) => redactor.add(...values),
    userAgent: `vscode-dataworks/${typeof version === 'string' ? version : '0'}`,
  });
  const auth = new AuthState();

  const report = createErrorReporter({ log, redactor, auth, locale, activeProfile: () => profiles.active()?.name });
  const reportError = createLoadErrorReporter({ t, report, redactor });

  const model = new ExplorerModel({
    profiles,
    cache,
    t,
    pageSize: PAGE_SIZE,
    getService: (profile, region) => services.getService(profile, region),
    regionLabel: (id) => regionName(id, isChinese()),
    reportError,
  });
  const view = new ExplorerView(treeView, model, profiles, log);
  const preload = new ApiPreload({ view: treeView, onDidAnswerRoots: view.provider.onDidAnswerRoots, load: () => loadDeferred().then((m) => m.loadApiCode()), log });
  const statusBar = new ProfileStatusBar(profiles, auth);
  const operationsTree = new OperationsProvider(operations);

  // A test extension host refuses modal dialogs: its tests answer ours through the test API.
  const recordingPrompts = context.extensionMode === vscode.ExtensionMode.Test ? new RecordingPrompts(windowPrompts) : undefined;
  const deps: Deps = {
    context, channel, log, redactor, profiles, services, cache, model, view, auth, groupKinds,
    prompts: recordingPrompts ?? windowPrompts,
    drafts: {},
    operations: { store: operations, view: operationsView },
    locale,
    reportError: report,
    formContext: () => createFormContext(deps),
  };

  context.subscriptions.push(
    channel,
    view,
    preload,
    statusBar,
    operationsTree,
    operations,
    model,
    auth,
    profiles,
    profiles.onDidChange((change) => {
      if (change.kind !== 'viewState') services.clear();
      if (change.kind === 'credentials') {
        // New keys may belong to another account: what the old ones listed is not theirs to show.
        auth.clear(change.name);
        cache.invalidate(cacheKeys.profile(change.name));
        groupKinds.clear(change.name);
      }
      model.reset();
      view.updateChrome();
      statusBar.update();
    }),
    auth.onDidChange(() => statusBar.update()),
    context.secrets.onDidChange((e) => profiles.handleSecretChange(e.key)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      const touches = (key: string): boolean => e.affectsConfiguration(`${Settings.section}.${key}`);
      const proxyChanged = ['http.proxy', 'http.noProxy', 'http.proxyStrictSSL'].some((k) => e.affectsConfiguration(k));
      if (proxyChanged) services.clear();
      if (touches(Settings.endpointOverride) || touches(Settings.useVpcEndpoint) || touches(Settings.requestsPerSecond)) {
        services.clear();
        cache.invalidate();
        model.reset();
      }
    }),
  );

  const handlers = new Map(Object.entries(COMMAND_TABLE).map(([id, factory]) => [id, factory(deps)]));
  // User groups as code: reads for a groups file's checks, through the read cache; while typing, the cache only.
  const groupsLookups = (profileName: string, region: string, network: boolean): GroupsFileLookups => {
    const read = <T>(key: string, load: () => Promise<T>): Promise<T | undefined> =>
      network ? cache.get(key, load) : cache.peek<T>(key) ?? Promise.resolve(undefined);
    return {
      tenantUsers: () => read(cacheKeys.tenantUsers(profileName, region), async () => (await services.getService(profileName, region)).listTenantUsers()),
      maxComputeRoles: (project) => read(cacheKeys.maxComputeRoles(profileName, region, project), async () =>
        (await services.getService(profileName, region)).listMaxComputeRoles(project)),
    };
  };
  let groupsFiles: GroupsFileDiagnostics | undefined;
  return {
    provider: view.provider,
    operations: operationsTree,
    operationDocument: async (uri) => {
      const id = uri.path.split('/')[1] ?? '';
      const entry = (await operations.list()).find((e) => e.id === id);
      if (!entry) return vscode.l10n.t('This operation is no longer in Recent Operations.');
      const { aliyunCliCommand } = await loadDeferred();
      return operationRequestDocument(entry, aliyunCliCommand({ ...entry.request, query: entry.request.query.map(([n, v]): [string, string] => [n, v]), body: entry.request.body.map(([n, v]): [string, string] => [n, v]) }));
    },
    run: (id, args) => runCommand(deps, id, () => handlers.get(id)?.(...args)),
    formContext: () => deps.formContext(),
    reportError: report,
    lmTools: createLmTools(deps, () => loadDeferred().then((m) => m.lmTools)),
    startGroupsFiles: () => {
      if (groupsFiles) return;
      groupsFiles = new GroupsFileDiagnostics({
        loadParser: loadDeferred,
        activeProfile: () => {
          const p = profiles.active();
          return p && { name: p.name, region: profiles.activeRegion(p) };
        },
        onDidChangeProfile: profiles.onDidChange,
        lookups: groupsLookups,
        log,
      });
      context.subscriptions.push(groupsFiles, registerGroupsCodeLens());
    },
    testApi: {
      profiles, model, tree: view.provider, cache, services, operations, operationsTree, session, globalStorage: context.globalStorageUri,
      globalState: context.globalState,
      secrets: context.secrets,
      isRejected: (name) => auth.isRejected(name),
      recentLog: () => sink.recent,
      formContext: () => deps.formContext(),
      explorerSelection: () => view.selection,
      prompts: recordingPrompts,
      groupsPlanView: async (file) => (await loadForms()).shownGroupsPlan(file),
    },
  };
}
