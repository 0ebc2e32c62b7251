// npm run restore -- <dir>: a backup made by npm run backup, back into an empty DATA_DIR. Checks
// every file against the backup's manifest first; the read models rebuild when the server starts.
import { BackupRefused, restore } from '../shared/backup/data-backup';
import { configOrExit } from '../shared/config/config-or-exit';
import { messageOf } from '../shared/error-message';

async function main(): Promise<void> {
  const source = process.argv[2];
  if (!source) throw new BackupRefused('usage: npm run restore -- <dir>');
  const config = configOrExit();
  const manifest = await restore(config, source);
  process.stdout.write(
    `Restored the backup of ${manifest.createdAt} (${manifest.files.map((f) => f.name).join(', ')}) into ${config.dataDir}.\n` +
      'Start the server: the read models are rebuilt from the event log first.\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Restore failed: ${messageOf(error)}\n`);
  process.exit(error instanceof BackupRefused ? 2 : 1);
});
