import { ErrorNode } from '../tree/statusNodes';
import { nodeArg } from './pickers';
import type { CommandFactory } from './deps';

export const retry: CommandFactory = () => async (arg?: unknown) => {
  await nodeArg(arg, ErrorNode)?.retry();
};
