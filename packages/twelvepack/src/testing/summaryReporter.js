// Prints one closing line, "jest: N passed, N failed, N skipped", that CI
// systems which read plain summaries recognise. The default reporter still
// prints everything else. A spec file that fails to run at all (a throw at
// import, a failing beforeAll hook outside a test) counts as one failure, so
// the line never reads "0 failed" over a broken suite.
class SummaryReporter {
  /**
   * @param {unknown} _contexts
   * @param {import('@jest/reporters').AggregatedResult} results
   */
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
    const failed = numFailedTests + numRuntimeErrorTestSuites;
    process.stdout.write(`jest: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`);
  }
}

module.exports = SummaryReporter;
