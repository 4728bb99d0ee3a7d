import * as vscode from 'vscode';
import { ProfileStore } from './auth/profileStore';
import { registerCommands } from './commands';
import type { Deps } from './commands/deps';
import { OUTPUT_CHANNEL_NAME, PAGE_SIZE, Settings } from './constants';
import { regionName } from './regions';
import { AuthState } from './services/authState';
import { createFormContext } from './services/formContext';
import { createLoadErrorReporter } from './services/loadErrors';
import { cacheKey, ReadCache } from './services/readCache';
import { ServiceProvider } from './services/serviceProvider';
import { isChinese, settings } from './services/settings';
import { ProfileStatusBar } from './statusBar';
import { ExplorerModel } from './tree/explorerModel';
import { ExplorerView } from './tree/explorerView';
import type { Translate, TreeNode } from './tree/node';
import { Logger } from './util/log';
import { TeeLogSink } from './util/memoryLog';
import { Redactor } from './util/redact';
import { registerFormSerializers } from './webview/serializers';

/**
 * What activate() returns, for the extension-host tests only (they read it from `extension.exports`).
 * It is returned only when VS Code runs the extension for tests (ExtensionMode.Test): in normal use any
 * other extension can read `exports`, and this object reaches the credentials.
 */
export interface DataWorksTestApi {
  readonly profiles: ProfileStore;
  readonly model: ExplorerModel;
  readonly tree: vscode.TreeDataProvider<TreeNode>;
  readonly cache: ReadCache;
  readonly services: ServiceProvider;
  /** The extension's own stores, to assert where secrets are and are not. */
  readonly globalState: vscode.Memento;
  readonly secrets: vscode.SecretStorage;
  /** Whether the server rejected the profile's credentials (the status bar's error colour). */
  isRejected(profileName: string): boolean;
  /** The last lines written to the DataWorks output channel, as written (redacted). */
  recentLog(): readonly string[];
}

// Composition root: builds the services once and registers everything. No network and no secret reads here:
// the tree loads when VS Code asks for it, the API layer on its first call.
export function activate(context: vscode.ExtensionContext): DataWorksTestApi | undefined {
  const channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const sink = new TeeLogSink(channel);
  const redactor = new Redactor();
  const log = new Logger(sink, redactor);
  const locale = (): 'en' | 'zh-cn' => (isChinese() ? 'zh-cn' : 'en');
  const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

  const profiles = new ProfileStore({
    secrets: context.secrets,
    state: context.globalState,
    env: process.env,
    onSecret: (c) => redactor.add(c.accessKeyId, c.accessKeySecret, c.securityToken),
    onStorageError: (m) => log.warn(m),
  });
  const cache = new ReadCache(settings.cacheTtlMs);
  const version = (context.extension.packageJSON as { version?: unknown }).version;
  const services = new ServiceProvider({
    profiles,
    // dist/deferred.js, read on the first API call (see esbuild.js).
    factory: () => import('./deferred').then((m) => m.createDataWorksService),
    settings,
    logger: log,
    userAgent: `vscode-dataworks/${typeof version === 'string' ? version : '0'}`,
  });
  const auth = new AuthState();

  const reportError = createLoadErrorReporter({ t, log, profiles, auth, redactor, locale });

  const model = new ExplorerModel({
    profiles,
    cache,
    t,
    pageSize: PAGE_SIZE,
    getService: (profile, region) => services.getService(profile, region),
    regionLabel: (id) => regionName(id, isChinese()),
    reportError,
  });
  const view = new ExplorerView(model, profiles, log);
  const statusBar = new ProfileStatusBar(profiles, auth);

  const deps: Deps = {
    context, channel, log, redactor, profiles, services, cache, model, view, auth,
    drafts: {},
    locale,
    formContext: () => createFormContext(deps),
  };

  context.subscriptions.push(
    channel,
    view,
    statusBar,
    model,
    auth,
    profiles,
    ...registerCommands(deps),
    // After a window reload, VS Code hands back the open forms; they come back with their drafts.
    registerFormSerializers(() => createFormContext(deps)),
    profiles.onDidChange((change) => {
      if (change.kind !== 'viewState') services.clear();
      if (change.kind === 'credentials') {
        // New keys may belong to another account: what the old ones listed is not theirs to show.
        auth.clear(change.name);
        cache.invalidate(cacheKey(change.name));
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

  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    profiles, model, tree: view.provider, cache, services,
    globalState: context.globalState,
    secrets: context.secrets,
    isRejected: (name) => auth.isRejected(name),
    recentLog: () => sink.recent,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
