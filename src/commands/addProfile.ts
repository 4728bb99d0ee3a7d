import { runCredentialsFlow } from './credentialsFlow';
import type { CommandFactory } from './deps';

export const addProfile: CommandFactory = (deps) => () => runCredentialsFlow(deps);
