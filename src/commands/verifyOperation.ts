import * as vscode from 'vscode';
import { operationTarget } from '../services/operations';
import { verifyOperation as lookUp } from '../services/operationVerify';
import { actionLabel } from '../tree/operationsView';
import { UserFacingError } from '../util/errors';
import { inertText } from '../util/inertText';
import type { CommandFactory } from './deps';
import { operationArg } from './operationArg';

/** Whether a write whose answer was lost happened: looked up by what it asked for, never resent. */
export const verifyOperation: CommandFactory = (deps) => async (arg?: unknown) => {
  const entry = operationArg(deps, arg);
  if (entry.status === 'running') throw new UserFacingError(vscode.l10n.t('This operation is still running.'));
  if (!deps.profiles.get(entry.profile)) {
    throw new UserFacingError(vscode.l10n.t('Profile {0} no longer exists; this operation cannot be verified.', inertText(entry.profile)));
  }
  const service = await deps.services.getService(entry.profile, entry.region);
  const target = inertText(operationTarget(entry.input));
  const verdict = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Verifying {0}…', target), cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await lookUp(service, entry, Date.now(), { signal: abort.signal });
      } finally {
        sub.dispose();
      }
    },
  );
  await deps.operations.store.upsert({ ...entry, ...verdict, updatedAt: Math.max(Date.now(), entry.updatedAt + 1) });
  deps.log.info(`Verified operation ${entry.id} (${entry.request.action}): ${verdict.status}`);
  const what = inertText(actionLabel(entry));
  if (verdict.status === 'succeeded') void vscode.window.showInformationMessage(vscode.l10n.t('{0} {1}: carried out.', what, target));
  else if (verdict.status === 'failed') void vscode.window.showWarningMessage(vscode.l10n.t('{0} {1}: not carried out. Use Retry to review and send it again.', what, target));
  else void vscode.window.showWarningMessage(vscode.l10n.t('{0} {1}: only partly carried out. Check it in the console.', what, target));
};
