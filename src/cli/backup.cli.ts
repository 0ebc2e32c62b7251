// npm run backup -- <dir>: a consistent copy of the event log, the mail bytes and the secret in
// DATA_DIR, taken while the server runs. <dir> must not exist or be empty; it appears only when
// the backup is whole (manifest.json lists every file with its size and sha256).
import { backUp, BackupRefused } from '../shared/backup/data-backup';
import { configOrExit } from '../shared/config/config-or-exit';
import { messageOf } from '../shared/error-message';

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new BackupRefused('usage: npm run backup -- <dir>');
  const config = configOrExit();
  const started = Date.now();
  const manifest = await backUp(config, target);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (manifest.eventLog === 'eventstoredb') {
    out('The event log is in EventStoreDB (EVENTSTORE_URL), not in DATA_DIR: back it up with EventStoreDB\'s own tools. This backup holds what DATA_DIR has.');
  }
  if (manifest.secret === 'INBOX_SECRET') out('The secret comes from INBOX_SECRET and is not in the backup: keep it with the backup.');
  for (const file of manifest.files) out(`${file.name.padEnd(16)} ${String(file.bytes).padStart(12)} bytes  sha256 ${file.sha256}`);
  out(`Backup of ${config.dataDir} written to ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s${manifest.eventLogHead ? ` (event log up to position ${manifest.eventLogHead})` : ''}.`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Backup failed: ${messageOf(error)}\n`);
  process.exit(error instanceof BackupRefused ? 2 : 1);
});
