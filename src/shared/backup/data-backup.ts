import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, copyFileSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { databaseFiles } from '../event-store/event-store.module';
import { seedReadModels, type CarriedCheckpoint } from '../projections/carry-checkpoints-over';

/** Written last into a backup: a directory without it (or whose files differ from it) is not a backup. */
export const MANIFEST = 'manifest.json';
const CHECKPOINTS = 'checkpoints.json';
const FORMAT = 1;

export interface BackupFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: number;
  createdAt: string;
  /** Where the event log was: in the backup (`sqlite`), or in EventStoreDB, which is backed up on its own. */
  eventLog: 'sqlite' | 'eventstoredb';
  /** The last position in the backed-up log (sqlite only). */
  eventLogHead: string | null;
  /** How the server secret comes back: from the backed-up secret.key, or from INBOX_SECRET. */
  secret: 'secret.key' | 'INBOX_SECRET';
  /** A hash of INBOX_SECRET (never the value): a restore checks that it is set to the same. */
  secretFingerprint: string | null;
  files: BackupFile[];
}

/** A backup or restore that must not go ahead; the message says why, for the operator. */
export class BackupRefused extends Error {
  override readonly name = 'BackupRefused';
}

/**
 * A consistent copy of DATA_DIR's durable state while the server runs: SQLite's online backup on
 * connections of its own (a snapshot each; the server's writer threads keep writing to the WAL).
 * Order matters: the process managers' checkpoints first, then the log, then the mail bytes. Every
 * checkpoint is then in the log, and since the intake stores bytes before the event naming them,
 * every event finds its bytes. Written under a temporary name and renamed when whole.
 */
export async function backUp(config: AppConfig, target: string): Promise<BackupManifest> {
  const destination = resolve(target);
  if (existsSync(destination) && readdirSync(destination).length > 0) throw new BackupRefused(`${destination} exists and is not empty: a backup never overwrites another`);
  const files = databaseFiles(config);
  if (files.events && !existsSync(files.events)) throw new BackupRefused(`there is no event log at ${files.events}: is DATA_DIR (${config.dataDir}) right?`);
  mkdirSync(dirname(destination), { recursive: true });
  const partial = join(dirname(destination), `.${basename(destination)}.partial-${randomBytes(4).toString('hex')}`);
  // Every mail and the secret are in it: the owner's alone, like DATA_DIR should be.
  mkdirSync(partial, { mode: 0o700 });
  try {
    writeFileSync(join(partial, CHECKPOINTS), JSON.stringify(readCheckpoints(files.readModels)));
    let eventLogHead: string | null = null;
    if (files.events) {
      await snapshot(files.events, join(partial, 'inbox.db'));
      eventLogHead = headOf(join(partial, 'inbox.db'));
    }
    if (existsSync(files.blobs)) await snapshot(files.blobs, join(partial, 'blobs.db'));
    const secretFile = join(config.dataDir, 'secret.key');
    if (!config.secret && existsSync(secretFile)) copyFileSync(secretFile, join(partial, 'secret.key'));

    const names = readdirSync(partial).sort();
    const manifest: BackupManifest = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      eventLog: files.events ? 'sqlite' : 'eventstoredb',
      eventLogHead,
      secret: config.secret ? 'INBOX_SECRET' : 'secret.key',
      secretFingerprint: config.secret ? fingerprint(config.secret) : null,
      files: await Promise.all(names.map((name) => describe(join(partial, name)))),
    };
    for (const name of names) fsyncFile(join(partial, name));
    writeFileSync(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    fsyncFile(join(partial, MANIFEST));
    fsyncFile(partial);
    // An empty directory made for it beforehand gives way (rmdir refuses one that is not empty).
    if (existsSync(destination)) rmdirSync(destination);
    renameSync(partial, destination);
    fsyncFile(dirname(destination));
    return manifest;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** The backup's manifest, after checking that every file it lists is there with its size and sha256. */
export async function verifyBackup(source: string): Promise<BackupManifest> {
  const dir = resolve(source);
  const manifestFile = join(dir, MANIFEST);
  if (!existsSync(manifestFile)) throw new BackupRefused(`${dir} has no ${MANIFEST}: it is not a backup, or one that never finished`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
  if (manifest.format !== FORMAT) throw new BackupRefused(`${manifestFile} has format ${manifest.format}; this version reads format ${FORMAT}`);
  for (const file of manifest.files) {
    const path = join(dir, basename(file.name));
    if (!existsSync(path)) throw new BackupRefused(`${file.name} is missing from the backup`);
    const found = await describe(path);
    if (found.bytes !== file.bytes || found.sha256 !== file.sha256) {
      throw new BackupRefused(`${file.name} is not the file the backup wrote (${found.bytes} bytes, sha256 ${found.sha256}; the manifest says ${file.bytes}, ${file.sha256})`);
    }
  }
  return manifest;
}

/**
 * Brings a verified backup back into an empty DATA_DIR. The read models are not in a backup: a
 * read-model file holding only the process managers' checkpoints makes every projection rebuild
 * from the log on start, while the process managers go on where they were (nothing they did is
 * done again). The event log goes in last: a DATA_DIR that has it is whole.
 */
export async function restore(config: AppConfig, source: string): Promise<BackupManifest> {
  const dir = resolve(source);
  const manifest = await verifyBackup(dir);
  if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) {
    throw new BackupRefused(`DATA_DIR ${config.dataDir} is not empty: restore only into an empty one (nothing there is overwritten)`);
  }
  if (manifest.eventLog === 'sqlite' && config.eventStoreUrl) {
    throw new BackupRefused('the backup holds an embedded event log, but EVENTSTORE_URL is set: unset it to restore this backup');
  }
  if (manifest.eventLog === 'eventstoredb' && !config.eventStoreUrl) {
    throw new BackupRefused('the backup was taken beside EventStoreDB and holds no event log: set EVENTSTORE_URL to the restored EventStoreDB');
  }
  if (manifest.secret === 'INBOX_SECRET' && (!config.secret || fingerprint(config.secret) !== manifest.secretFingerprint)) {
    throw new BackupRefused('the backup was taken with INBOX_SECRET set: set the same INBOX_SECRET to restore it (every token is derived from it)');
  }
  if (manifest.secret === 'secret.key' && config.secret) {
    throw new BackupRefused('INBOX_SECRET is set, so the backed-up secret.key would be ignored and every token would change: unset it to restore this backup');
  }
  const files = databaseFiles(config);
  mkdirSync(config.dataDir, { recursive: true });
  const has = (name: string) => manifest.files.some((file) => file.name === name);
  const place = (name: string, to: string, mode?: number) => {
    const temporary = `${to}.restoring`;
    copyFileSync(join(dir, name), temporary);
    fsyncFile(temporary);
    renameSync(temporary, to);
    // copyFileSync keeps the source's mode; the secret is the owner's alone whatever the backup's was.
    if (mode !== undefined) chmodSync(to, mode);
  };
  if (has('secret.key')) place('secret.key', join(config.dataDir, 'secret.key'), 0o600);
  if (has('blobs.db')) place('blobs.db', files.blobs);
  const checkpoints = JSON.parse(readFileSync(join(dir, CHECKPOINTS), 'utf8')) as CarriedCheckpoint[];
  seedReadModels(files.readModels, checkpoints);
  if (files.events && has('inbox.db')) place('inbox.db', files.events);
  fsyncFile(config.dataDir);
  return manifest;
}

function fingerprint(secret: string): string {
  return createHash('sha256').update(`inbox backup fingerprint\u0000${secret}`).digest('hex');
}

/** One consistent snapshot: the remaining pages in one step, so a write meanwhile cannot restart it. */
async function snapshot(file: string, to: string): Promise<void> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    await db.backup(to, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
}

function readCheckpoints(readModelsFile: string): CarriedCheckpoint[] {
  if (!existsSync(readModelsFile)) return [];
  const db = new Database(readModelsFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'subscription_checkpoints'").get();
    return table ? (db.prepare('SELECT name, position FROM subscription_checkpoints ORDER BY name').all() as CarriedCheckpoint[]) : [];
  } finally {
    db.close();
  }
}

function headOf(eventsFile: string): string | null {
  // Read-write: a read-only connection cannot open a WAL-mode copy that has no -shm file yet.
  const db = new Database(eventsFile, { fileMustExist: true });
  try {
    const head = db.prepare('SELECT max(position) FROM events').pluck().get() as number | null;
    return head === null ? null : String(head);
  } finally {
    db.close();
  }
}

async function describe(path: string): Promise<BackupFile> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { name: basename(path), bytes: statSync(path).size, sha256: hash.digest('hex') };
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
