import * as vscode from 'vscode';
import type { GroupsFileSource } from '../webview/forms';
import { UserFacingError } from '../util/errors';

/** The name ending of a user groups file (src/shared/groupsFile.ts has the same; that chunk is not loaded here). */
const SUFFIX = '.dwgroups.json';

export const isGroupsFile = (uri: vscode.Uri): boolean => uri.path.toLowerCase().endsWith(SUFFIX);

/**
 * The groups file a command acts on: the URI it was given (CodeLens, explorer menu), else the active editor's file.
 * Its text is read each time from the document, so an unsaved edit is planned as the editor shows it.
 */
export function groupsFileArg(arg: unknown): GroupsFileSource {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri || !isGroupsFile(uri)) {
    throw new UserFacingError(vscode.l10n.t('Open a user groups file (*.dwgroups.json) first.'));
  }
  return { uri, read: async () => (await vscode.workspace.openTextDocument(uri)).getText() };
}
