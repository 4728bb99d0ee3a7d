import * as vscode from 'vscode';
import type { TreeNode } from '../tree/node';
import { isPagedNode } from '../tree/node';
import { LoadMoreNode } from '../tree/statusNodes';
import { UserCancelledError } from '../util/errors';
import type { CommandFactory } from './deps';

/** Loads every remaining page of a list, page by page under the rate limit; cancelling keeps what came. */
export const loadAll: CommandFactory = () => async (arg?: unknown) => {
  const node = arg instanceof LoadMoreNode ? arg.parent : (arg as TreeNode | undefined);
  if (!isPagedNode(node)) return;
  const title = vscode.l10n.t('Loading all items of {0}', node.view().label);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      await node.loadAll(abort.signal, (loaded, total) => progress.report({ message: vscode.l10n.t('{0} of {1}', loaded, total) }));
    } finally {
      sub.dispose();
    }
    if (abort.signal.aborted) throw new UserCancelledError();
  });
};
