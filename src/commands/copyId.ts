import * as vscode from 'vscode';
import { resourceId } from './resources';
import { resourceArg } from './resourceArg';
import type { CommandFactory } from './deps';

export const copyId: CommandFactory = () => async (arg?: unknown) => {
  const r = resourceArg(arg);
  if (!r) return;
  const id = resourceId(r);
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied ID: {0}', id), 3000);
};
