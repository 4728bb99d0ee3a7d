// @ts-check
// Flags for every headless Chromium the tests start: the harness (integration runs, demo) and the e2e driver
// (test/e2e/driver.ts, typed through chromium.d.mts). Plain ESM so that run.mjs needs no build step.

/** No sandbox (root in CI), no GPU, and nothing that reaches out to the network on its own. */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);
