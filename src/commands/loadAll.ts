import * as vscode from 'vscode';
import { PAGE_SIZE } from '../constants';
import type { TreeNode } from '../tree/node';
import { isPagedNode } from '../tree/node';
import { LoadMoreNode } from '../tree/statusNodes';
import { UserCancelledError } from '../util/errors';
import type { CommandFactory } from './deps';
import { inertText } from '../util/inertText';
import { withCancellableProgress } from '../util/progress';

const LARGE_CRAWL_CALLS = 10;

/** Loads every remaining page of a list, page by page under the rate limit; cancelling keeps what came. */
export const loadAll: CommandFactory = () => async (arg?: unknown) => {
  const node = arg instanceof LoadMoreNode ? arg.parent : (arg as TreeNode | undefined);
  if (!isPagedNode(node)) return;
  const { loaded, total } = node.count();
  const calls = total === undefined ? 0 : Math.ceil(Math.max(0, total - loaded) / PAGE_SIZE);
  // DataWorks quotas are per account and small (a Basic tenant has 100 calls a day): ask before a long crawl.
  if (calls > LARGE_CRAWL_CALLS) {
    const go = vscode.l10n.t('Load All');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Loading the remaining {0} items takes {1} calls to DataWorks, which count against your account\'s API quota.', (total ?? 0) - loaded, calls),
      { modal: true },
      go,
    );
    if (answer !== go) throw new UserCancelledError();
  }
  const title = vscode.l10n.t('Loading all items of {0}', inertText(node.view().label));
  await withCancellableProgress(title, async (signal, progress) => {
    await node.loadAll(signal, (loaded, total) => progress.report({ message: vscode.l10n.t('{0} of {1}', loaded, total) }));
    if (signal.aborted) throw new UserCancelledError();
  });
};
