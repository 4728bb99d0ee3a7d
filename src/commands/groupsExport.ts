import * as vscode from 'vscode';
import { UserGroupsFolderNode } from '../tree/folderNodes';
import { UserCancelledError } from '../util/errors';
import { inertText } from '../util/inertText';
import { withCancellableProgress } from '../util/progress';
import { loadForms } from '../webview/loadForms';
import type { CommandFactory } from './deps';
import { nodeArg, requireProfile } from './pickers';

/** From the User Groups folder or the palette (the active region): writes the region's groups to a file and opens it. */
export const groupsExport: CommandFactory = (deps) => async (arg?: unknown) => {
  const profile = requireProfile(deps);
  const region = nodeArg(arg, UserGroupsFolderNode)?.region ?? deps.profiles.activeRegion(profile);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `${region}.dwgroups.json`;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export User Groups of {0}', inertText(region)),
    saveLabel: vscode.l10n.t('Export'),
    filters: { [vscode.l10n.t('User groups file')]: ['json'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
  });
  if (!target) throw new UserCancelledError();
  const ctx = deps.formContext();
  const { exportGroupsText } = await loadForms();
  const text = await withCancellableProgress(vscode.l10n.t('Reading the user groups of {0}…', inertText(region)), (signal) => exportGroupsText(ctx, region, signal));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  deps.log.info(`Exported the user groups of ${region} to a file`);
  await vscode.window.showTextDocument(target);
};
