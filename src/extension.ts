import * as vscode from 'vscode';
import { Commands, EXPLORER_VIEW_ID, OPERATION_DOC_SCHEME, OPERATIONS_VIEW_ID } from './constants';
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
  );

  // Plan / Apply at the top of every user groups file. Static lenses: nothing is read or loaded to show them.
  context.subscriptions.push(vscode.languages.registerCodeLensProvider({ pattern: '**/*.dwgroups.json' }, {
    provideCodeLenses: (doc) => {
      const top = new vscode.Range(0, 0, 0, 0);
      return [
        new vscode.CodeLens(top, { title: vscode.l10n.t('Plan'), command: Commands.groupsPlan, arguments: [doc.uri] }),
        new vscode.CodeLens(top, { title: vscode.l10n.t('Apply'), command: Commands.groupsApply, arguments: [doc.uri] }),
      ];
    },
  }));

  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return { testApi: () => core().then((c) => c.testApi) };
}

/** Only a broken installation gets here: the error boundary of the commands is part of what failed to load. */
function showLoadFailure(e: unknown): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('DataWorks could not load its code: {0}', e instanceof Error ? e.message : String(e)));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
