import * as vscode from 'vscode';
import { resourceJson } from './resources';
import { resourceArg } from './resourceArg';
import type { CommandFactory } from './deps';

export const copyAsJson: CommandFactory = () => async (arg?: unknown) => {
  const r = resourceArg(arg);
  if (!r) return;
  await vscode.env.clipboard.writeText(resourceJson(r));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied as JSON'), 3000);
};
