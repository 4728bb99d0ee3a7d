// Find User Groups of an Account, without vscode: which of the explorer's user groups list the account, and the
// group's node to reveal. The groups searched are the pages the tree has loaded (the read cache's pages); pages
// left are loaded only when the user says so, through the tree's own paging and the rate limit, so the tree shows
// what was searched. The matching rule is src/services/accountGroups.ts.
import type { TenantUser, UserGroup } from '../api';
import { groupsContainingAccount } from '../services/accountGroups';
import type { UserGroupsFolderNode } from '../tree/folderNodes';
import type { UserGroupNode } from '../tree/resourceNodes';
import { ErrorNode } from '../tree/statusNodes';

/** What the search asks of the user (quick picks and progress in the command; scripted in the tests). */
export interface AccountSearchPort {
  /** Pages are left: `all` loads them first, `loaded` searches what is loaded. */
  chooseScope(loaded: number, total: number, calls: number): Promise<'all' | 'loaded'>;
  /** Runs the load under a cancellable progress: a cancel aborts the signal and the search goes on with what came. */
  withProgress(task: (signal: AbortSignal, onPage: (loaded: number, total: number) => void) => Promise<void>): Promise<void>;
}

export interface AccountSearchResult {
  readonly groups: readonly UserGroup[];
  /** Groups searched, and the server's total (undefined when the first page failed). */
  readonly searched: number;
  readonly total: number | undefined;
  /** The first page could not be loaded: the folder shows (and has logged) the error. */
  readonly failed: boolean;
}

/** The folder's pages still to load, as calls of `pageSize`. */
export function remainingCalls(folder: Pick<UserGroupsFolderNode, 'count'>, pageSize: number): number {
  const { loaded, total } = folder.count();
  return total === undefined ? 0 : Math.ceil(Math.max(0, total - loaded) / pageSize);
}

/** Searches the folder's loaded groups for the account, after loading the rest when the user chooses to. */
export async function searchAccountGroups(
  folder: UserGroupsFolderNode, account: string | TenantUser, port: AccountSearchPort, pageSize: number,
): Promise<AccountSearchResult> {
  // The first page comes from the read cache when the tree has shown the folder; otherwise this is its one call.
  const first = await folder.children();
  if (folder.loadedItems.length === 0 && first.some((n) => n instanceof ErrorNode)) {
    return { groups: [], searched: 0, total: folder.count().total, failed: true };
  }
  const calls = remainingCalls(folder, pageSize);
  if (calls > 0) {
    const { loaded, total } = folder.count();
    if ((await port.chooseScope(loaded, total ?? loaded, calls)) === 'all') {
      await port.withProgress((signal, onPage) => folder.loadAll(signal, onPage));
    }
  }
  const { loaded, total } = folder.count();
  return { groups: groupsContainingAccount(folder.loadedItems, account), searched: loaded, total, failed: false };
}

/**
 * The tree node of a group found in the folder, loading further pages while it is not there (the list was
 * refreshed or its cache expired since the search). Undefined when the list no longer has it.
 */
export async function locateGroupNode(folder: UserGroupsFolderNode, id: number, signal?: AbortSignal): Promise<UserGroupNode | undefined> {
  // children() creates the nodes of the loaded items: a page loaded by loadAll has none until it is asked.
  await folder.children();
  for (;;) {
    const node = folder.findGroup((g) => g.id === id);
    if (node || signal?.aborted) return node;
    const before = folder.count().loaded;
    const { total } = folder.count();
    if (total === undefined || before >= total) return undefined;
    await folder.loadMore();
    await folder.children();
    // A failed or empty page adds nothing: stop rather than ask again.
    if (folder.count().loaded === before) return undefined;
  }
}
