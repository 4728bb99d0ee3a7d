import * as vscode from 'vscode';
import { consoleHomeUrl, consoleUrl } from './resources';
import { requireProfile } from './pickers';
import { resourceArg } from './resourceArg';
import type { CommandFactory } from './deps';

/** From a node: that resource's console page; from the palette: the active region's workspace list. */
export const openInConsole: CommandFactory = (deps) => async (arg?: unknown) => {
  const r = resourceArg(arg);
  const url = r ? consoleUrl(r) : consoleHomeUrl(deps.profiles.activeRegion(requireProfile(deps)));
  if (url) await vscode.env.openExternal(vscode.Uri.parse(url, true));
};
