// Mocha root hooks for the e2e suite (loaded with --require by test/vscode/run.mjs):
// a screenshot of every open workbench when a test fails, workbenches opened inside a test closed after it,
// and no browser left open after the run.
import type { Context } from 'mocha';
import type { Workbench } from './driver';
import { openWorkbenches } from './driver';

let openBeforeTest = new Set<Workbench>();

export const mochaHooks = {
  beforeEach(): void {
    openBeforeTest = new Set(openWorkbenches);
  },
  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (test?.state === 'failed') {
      let i = 0;
      for (const wb of openWorkbenches) {
        const name = `e2e-failure-${test.fullTitle()}${i++ ? `-${i}` : ''}`;
        const file = await wb.screenshot(name).catch((err: Error) => `(screenshot failed: ${err.message})`);
        console.log(`    screenshot: ${file}`);
        if (wb.errors.length) console.log(`    workbench errors (last 5):\n      ${wb.errors.slice(-5).join('\n      ')}`);
      }
    }
    // A test that opened its own workbench and failed before closing it: close it here.
    for (const wb of [...openWorkbenches]) if (!openBeforeTest.has(wb)) await wb.close();
  },
  async afterAll(): Promise<void> {
    await Promise.all([...openWorkbenches].map((wb) => wb.close()));
  },
};
