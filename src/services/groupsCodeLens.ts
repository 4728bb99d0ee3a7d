import * as vscode from 'vscode';
import { Commands, GROUPS_FILE_GLOB } from '../constants';

/**
 * Plan / Apply at the top of every user groups file. Static lenses: nothing is read to show them. Registered with the
 * diagnostics when the first groups file opens (VS Code asks the new provider for the open editors), not at activation.
 */
export function registerGroupsCodeLens(): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider({ pattern: GROUPS_FILE_GLOB }, {
    provideCodeLenses: (doc) => {
      const top = new vscode.Range(0, 0, 0, 0);
      return [
        new vscode.CodeLens(top, { title: vscode.l10n.t('Plan'), command: Commands.groupsPlan, arguments: [doc.uri] }),
        new vscode.CodeLens(top, { title: vscode.l10n.t('Apply'), command: Commands.groupsApply, arguments: [doc.uri] }),
      ];
    },
  });
}
