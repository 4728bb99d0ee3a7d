import * as vscode from 'vscode';
import { Commands, EXPLORER_VIEW_ID, GROUPS_FILE_SUFFIX, LM_TOOL_NAMES, LM_TOOL_TEST_COMMAND, OPERATION_DOC_SCHEME, OPERATIONS_VIEW_ID } from './constants';
import type { Core, DataWorksTestApi } from './core';
import type { TreeNode } from './tree/node';
import type { OperationNode } from './tree/operationsView';
import { DeferredTreeProvider } from './tree/deferredProvider';
import { registerFormSerializers } from './webview/serializers';

export type { DataWorksTestApi };

/**
 * What activate() returns when VS Code runs the extension for tests (ExtensionMode.Test), and only then: in normal
 * use any other extension can read `exports`, and the test API reaches the credentials.
 */
export interface DataWorksTestHandle {
  /** Loads the explorer (as the first command or tree question would) and returns its internals. */
  testApi(): Promise<DataWorksTestApi>;
}

// Activation registers what VS Code must know of at once — every command, the tree view, the form serializers — and
// nothing else: the explorer, the services and the command handlers are dist/core.js, loaded by the first of them
// that is used (esbuild.js turns `import('./core')` into a require of that chunk). No network, no secret reads.
export function activate(context: vscode.ExtensionContext): DataWorksTestHandle | undefined {
  let loading: Promise<Core> | undefined;
  const core = (): Promise<Core> => (loading ??= import('./core').then((m) => m.createCore(context, treeView, operationsView)));

  const provider = new DeferredTreeProvider<TreeNode>(() => core().then((c) => c.provider));
  const treeView = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  // Recent Operations, the same deferred way: its store and provider load with dist/core.js.
  const operations = new DeferredTreeProvider<OperationNode>(() => core().then((c) => c.operations));
  const operationsView = vscode.window.createTreeView(OPERATIONS_VIEW_ID, { treeDataProvider: operations, showCollapseAll: true });
  context.subscriptions.push(
    provider,
    treeView,
    operations,
    operationsView,
    // Show Request's read-only documents.
    vscode.workspace.registerTextDocumentContentProvider(OPERATION_DOC_SCHEME, {
      provideTextDocumentContent: (uri) => core().then((c) => c.operationDocument(uri)),
    }),
    ...Object.values(Commands).map((id) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => core().then((c) => c.run(id, args), showLoadFailure)),
    ),
    // After a window reload, VS Code hands back the open forms; they come back with their drafts.
    registerFormSerializers(core),
    registerLmTools(core),
  );

  // User groups as code: the diagnostics and the Plan/Apply CodeLens (and dist/core.js with them) load once a
  // *.dwgroups.json file is open. A workspace holding one activates the extension (workspaceContains); elsewhere any
  // activation starts the watch.
  // Not onLanguage:jsonc: VS Code opens JSONC models at startup (settings), and that would activate us there.
  const opened = vscode.workspace.onDidOpenTextDocument((d) => startGroupsFiles(d));
  const startGroupsFiles = (d: vscode.TextDocument): void => {
    if (!d.uri.path.toLowerCase().endsWith(GROUPS_FILE_SUFFIX)) return;
    opened.dispose();
    void core().then((c) => c.startGroupsFiles(), showLoadFailure);
  };
  context.subscriptions.push(opened);
  vscode.workspace.textDocuments.forEach(startGroupsFiles);

  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return { testApi: () => core().then((c) => c.testApi) };
}

/**
 * The language model tools: stubs whose calls load dist/core.js (package.json declares the tools, so VS Code activates
 * the extension by `onLanguageModelTool:<name>`). The setting that turns them off is their `when` clause in
 * package.json, so activation reads no configuration; src/commands/lmTools.ts refuses a call while it is off.
 */
function registerLmTools(core: () => Promise<Core>): vscode.Disposable {
  const tools = LM_TOOL_NAMES.map((name) => vscode.lm.registerTool<unknown>(name, {
    prepareInvocation: (o) => core().then((c) => c.lmTools.prepare(name, o.input)),
    invoke: (o, token) => core().then((c) => c.lmTools.invoke(name, o.input, token)),
  }));
  // The UI test has no chat model to call a tool. With the test wiring only (the emulator's URL in the environment),
  // a command not in package.json calls one as a chat would, through vscode.lm.invokeTool: the workbench shows the
  // tool's real confirmation. test/e2e/lmTools.test.ts binds a key to it (keybindings.json of its run folder).
  const hook = process.env.DATAWORKS_TEST_EMULATOR_URL
    ? vscode.commands.registerCommand(LM_TOOL_TEST_COMMAND, async (arg: { name?: unknown; input?: unknown } | undefined) => {
      const name = LM_TOOL_NAMES.find((n) => n === arg?.name);
      if (!name) return;
      const ran = await vscode.lm.invokeTool(name, { input: arg?.input ?? {}, toolInvocationToken: undefined }).then(() => true, () => false);
      void vscode.window.showInformationMessage(ran ? 'Test hook: the tool completed' : 'Test hook: the tool did not run');
    })
    : undefined;
  return { dispose: () => { hook?.dispose(); for (const t of tools) t.dispose(); } };
}

/** Only a broken installation gets here: the error boundary of the commands is part of what failed to load. */
function showLoadFailure(e: unknown): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('DataWorks could not load its code: {0}', e instanceof Error ? e.message : String(e)));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
