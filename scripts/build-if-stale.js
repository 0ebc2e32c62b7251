#!/usr/bin/env node
// Builds the API (dist/) and the web app (web/.next/) when they are missing or older than their
// sources, so `npm start` works on a fresh clone and `npm test` never runs against stale output.
// Usage: node scripts/build-if-stale.js [api|web]...   (both when no argument is given)
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const targets = {
  api: {
    sources: ['src', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'],
    output: 'dist/src/main.js',
    script: 'build:api',
  },
  web: {
    sources: ['web', 'package-lock.json'],
    ignore: ['.next', 'next-env.d.ts', 'node_modules'],
    output: 'web/.next/BUILD_ID',
    script: 'build:web',
  },
};

function newestMtime(path, ignore) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (ignore.includes(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry), ignore));
  }
  return newest;
}

const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(targets);
for (const name of wanted) {
  const target = targets[name];
  if (!target) throw new Error(`Unknown build target "${name}" (api or web)`);
  const output = join(root, target.output);
  const sourcesTime = Math.max(
    ...target.sources.map((source) => join(root, source)).filter(existsSync).map((p) => newestMtime(p, target.ignore ?? [])),
  );
  if (existsSync(output) && statSync(output).mtimeMs >= sourcesTime) continue;
  process.stderr.write(`Building ${name} (npm run ${target.script})…\n`);
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', target.script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}
