import * as vscode from 'vscode';
import { resourceName } from './resources';
import { resourceArg } from './resourceArg';
import type { CommandFactory } from './deps';

export const copyName: CommandFactory = () => async (arg?: unknown) => {
  const r = resourceArg(arg);
  if (!r) return;
  const name = resourceName(r);
  await vscode.env.clipboard.writeText(name);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied name: {0}', name), 3000);
};
