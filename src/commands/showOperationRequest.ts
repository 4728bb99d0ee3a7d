import * as vscode from 'vscode';
import { OPERATION_DOC_SCHEME } from '../constants';
import type { CommandFactory } from './deps';
import { operationArg } from './operationArg';

/** The exact request and its aliyun CLI command, in a read-only document (operationDocuments.ts). */
export const showOperationRequest: CommandFactory = (deps) => async (arg?: unknown) => {
  const entry = operationArg(deps, arg);
  const uri = vscode.Uri.from({ scheme: OPERATION_DOC_SCHEME, path: `/${entry.id}/${entry.request.action}.json` });
  // A virtual document of our own scheme (read-only); `.json` gives it JSON highlighting.
  await vscode.window.showTextDocument(uri, { preview: true });
};
