import type { CommandFactory } from './deps';

export const showLogs: CommandFactory = (deps) => () => {
  deps.channel.show(true);
};
