// Names every skipped test at the end of a run, with its reason in its title, so a CI log says what
// did not run and why (the EventStoreDB contract suite without EVENTSTORE_URL is the only one allowed).
class SkippedReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.testResults.flatMap((file) =>
      file.testResults.filter((test) => test.status === 'pending' || test.status === 'skipped').map((test) => test.fullName),
    );
    if (skipped.length === 0) return;
    process.stderr.write(`\nSKIPPED (${skipped.length}):\n${skipped.map((name) => `  - ${name}`).join('\n')}\n`);
  }
}

module.exports = SkippedReporter;
