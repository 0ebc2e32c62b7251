import { startTestApi, type TestApi } from './support/api-app';
import { describeReport, runCampaign, type CampaignReport } from './support/fuzz-campaign';
import { randomSeed } from './support/mime-fuzzer';

/**
 * A few hundred seeded hostile messages (mutated corpus mail and hand-made monsters) over real
 * SMTP into the real app. A new seed each run on a developer's machine, printed in the test's name:
 * replay a failure with FUZZ_SEED=<seed> (and more cases with FUZZ_COUNT, or `npm run fuzz:mime`).
 * CI takes one fixed seed, so that a landing is judged on the same cases every time; wider searches
 * are the long campaigns' job.
 */
const CI_SEED = 20261202;
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.CI ? CI_SEED : randomSeed();
const count = process.env.FUZZ_COUNT ? Number(process.env.FUZZ_COUNT) : 300;

let api: TestApi | undefined;
let report: CampaignReport;

beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
  report = await runCampaign(api, { seed, count, settleTimeoutMs: 30_000 });
  process.stdout.write(`MIME fuzzer, replay with FUZZ_SEED=${seed} FUZZ_COUNT=${count}:\n${describeReport(report).join('\n')}\n`);
}, 240_000);

afterAll(() => api?.close());

describe(`the MIME fuzzer over SMTP (seed ${seed}, ${count} cases)`, () => {
  it('answers every case with 250 or a 5xx refusal, settles with /api/health 200 and nothing stuck, and shows every accepted case and a normal mail afterwards', () => {
    expect(report.cases).toBe(count);
    expect(report.failures.map((f) => `case ${f.case ?? '-'} ${f.name}: ${f.problem}`)).toEqual([]);
    expect(report.answers['250']).toBeGreaterThan(count / 2);
  });
});
