import { LoadMoreNode } from '../tree/statusNodes';
import { nodeArg } from './pickers';
import type { CommandFactory } from './deps';

/** The paged folder's own lock makes a double click load one page. */
export const loadMore: CommandFactory = () => async (arg?: unknown) => {
  await nodeArg(arg, LoadMoreNode)?.parent.loadMore();
};
