// npm run fuzz:mime -- [--count N] [--seed S] [--case N,M]: a longer MIME fuzzing campaign than
// the one CI runs. Starts the app in this process on a temporary DATA_DIR, sends the seeded cases
// over SMTP, checks what the end-to-end spec checks and prints the figures and each failure with
// its case number (replay one with --seed S --case N).
import { parseArgs } from 'node:util';
import { startTestApi } from './support/api-app';
import { describeReport, runCampaign } from './support/fuzz-campaign';
import { randomSeed } from './support/mime-fuzzer';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string' }, seed: { type: 'string' }, case: { type: 'string' }, concurrency: { type: 'string' } } });
  const seed = values.seed !== undefined ? Number(values.seed) : randomSeed();
  const count = values.count !== undefined ? Number(values.count) : 1000;
  const only = values.case?.split(',').map(Number);
  if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1 || only?.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new Error('--seed and --count take whole numbers, --case a comma-separated list of case numbers');
  }
  process.stdout.write(`MIME fuzzer: seed ${seed}, ${only ? `cases ${only.join(', ')}` : `${count} cases`}\n`);
  const api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
  try {
    const report = await runCampaign(api, {
      seed,
      count,
      only,
      concurrency: values.concurrency ? Number(values.concurrency) : undefined,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`${describeReport(report).join('\n')}\n`);
    if (report.failures.length > 0) process.exitCode = 1;
  } finally {
    await api.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Fuzzing failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
