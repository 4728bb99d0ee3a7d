/** No sandbox (root in CI), no GPU, and nothing that reaches out to the network on its own. */
export declare const CHROMIUM_ARGS: readonly string[];
