import * as vscode from 'vscode';
import { resourcePath } from './resources';
import { resourceArg } from './resourceArg';
import type { CommandFactory } from './deps';

/** A Data Service API's path (ApiPath), as the other Copy commands copy a name or an ID. */
export const copyPath: CommandFactory = () => async (arg?: unknown) => {
  const r = resourceArg(arg);
  const path = r ? resourcePath(r) : undefined;
  if (path === undefined) return;
  await vscode.env.clipboard.writeText(path);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied path: {0}', path), 3000);
};
