import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * No Docker engine runs the tests, so the production image's layout is checked where it is
 * written: the runtime stage runs as `node` and its data volume is a directory `node` owns.
 */
const dockerfile = readFileSync(resolve(__dirname, '..', 'Dockerfile'), 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1);
const runtime = stages[stages.length - 1].split(/\r?\n/).map((line) => line.trim());
const at = (pattern: RegExp) => runtime.findIndex((line) => pattern.test(line));

describe('the production image', () => {
  it('keeps DATA_DIR on a volume the node user can write: /data made and owned by node before VOLUME, then USER node', () => {
    expect(runtime.some((line) => /^ENV .*\bDATA_DIR=\/data\b/.test(line))).toBe(true);
    const volume = at(/^VOLUME \/data$/);
    const owned = at(/^RUN .*mkdir -p \/data\b.*chown node:node \/data\b/);
    const user = at(/^USER node$/);
    expect(volume).toBeGreaterThan(-1);
    expect(owned).toBeGreaterThan(-1);
    expect(owned).toBeLessThan(volume);
    // As root: the chown needs it, and everything after USER runs as node.
    expect(user).toBeGreaterThan(owned);
  });

  it('ships what the operations scripts start with', () => {
    expect(at(/^COPY --from=build \/app\/scripts \.\/scripts$/)).toBeGreaterThan(-1);
    expect(at(/^COPY --from=build \/app\/dist \.\/dist$/)).toBeGreaterThan(-1);
  });
});
