// @ts-check
// Mocha reporter: the spec reporter's output, plus a {passed, failed, pending} summary written to
// $TEST_SUMMARY_FILE so that scripts/test.mjs can add up every suite.
const fs = require('node:fs');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  /**
   * @param {Mocha.Runner} runner
   * @param {Mocha.MochaOptions} [options]
   */
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.TEST_SUMMARY_FILE;
      if (!file) return;
      const s = runner.stats;
      fs.writeFileSync(file, JSON.stringify({ passed: s?.passes ?? 0, failed: s?.failures ?? 0, pending: s?.pending ?? 0 }));
    });
  }
}
module.exports = SummaryReporter;
