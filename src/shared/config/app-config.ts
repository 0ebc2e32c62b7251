import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { proxyEntryProblem } from '../http/trusted-proxies';

export interface AppConfig {
  port: number;
  /** Where people reach the web app (PUBLIC_URL), for links in the mail the product sends its users. */
  publicUrl: string;
  /** The sender of mail to the product's own people: invitations, password resets, notifications (SYSTEM_MAIL_FROM). */
  systemMailFrom: { name: string; address: string };
  smtpPort: number;
  dataDir: string;
  inboxDomain: string;
  eventStoreUrl: string | null;
  outboundSmtpUrl: string | null;
  maxMessageBytes: number;
  smtpLimits: SmtpLimits;
  /** How long parsing one inbound mail may take before it goes to the failed-mail queue. */
  mailParseTimeoutMs: number;
  signup: 'open' | 'closed';
  /** Public sign-ups one IP may make in an hour. */
  signupsPerIpPerHour: number;
  /** PEM files for SMTP STARTTLS; both or neither. */
  smtpTls: { keyFile: string; certFile: string } | null;
  /** Secret from which per-account inbound tokens are derived; null: a key file under DATA_DIR. */
  secret: string | null;
  /** DKIM signing of outbound replies; all three of DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY_FILE or none. */
  dkim: DkimConfig | null;
  /** Bearer token that lets a caller from anywhere read /api/health's detail; null: only local callers without a proxy in between. */
  healthToken: string | null;
  /** Reverse proxies (IP addresses, CIDR ranges) trusted for X-Forwarded-Proto, X-Forwarded-Host and X-Request-Id; none by default. */
  trustedProxies: string[];
  /** Live streams (server-sent events) open at once from one client address. */
  streamsPerAddress: number;
  /** scrypt's cost exponent for password hashes: N = 2^cost. */
  passwordHashCost: number;
  /** Seconds a thread's "viewing"/"typing" lasts after the tab's last heartbeat (a closed tab lapses then). */
  presenceTtlSeconds: number;
  /** SPF, DKIM, DMARC and ARC on inbound mail (SPEC §3.11). */
  senderVerification: SenderVerificationConfig;
  /** What an agent may attach to one reply. */
  replyAttachments: ReplyAttachmentLimits;
}

export interface SenderVerificationConfig {
  /** How long the DNS lookups of one mail may take in all; past it the verdict is a temporary error, and intake goes on. */
  timeoutMs: number;
  /**
   * ARC sealers whose word on the original's DMARC result counts for mail they forwarded (Gmail
   * seals as google.com, Outlook as microsoft.com); anyone can add a seal, so only these are believed.
   */
  trustedArcSealers: string[];
  /**
   * Where DNS answers come from: the system resolver, or (a test run only, NODE_ENV=test) fixed
   * records from INBOX_TEST_DNS_FILE, none without it, so a test run never waits on the network.
   */
  dns: { kind: 'system' } | { kind: 'fixed'; file: string | null };
}

/** Bounds on files attached to replies: each upload, and all of one reply together. */
export interface ReplyAttachmentLimits {
  /** Bytes of one uploaded file (REPLY_ATTACHMENT_MAX_BYTES). */
  maxFileBytes: number;
  /** Bytes of all files of one reply (REPLY_ATTACHMENTS_MAX_BYTES). */
  maxReplyBytes: number;
  /** Files on one reply (REPLY_ATTACHMENTS_MAX_COUNT). */
  maxFiles: number;
}

/** What one client, and all of them together, may hold of the SMTP server. */
export interface SmtpLimits {
  /** Sessions open at once from one IP address. */
  connectionsPerIp: number;
  /** Sessions open at once in all. */
  clients: number;
  /** Bytes of messages parsed and stored at once; more waits in its spool file, not in memory. */
  bytesInFlight: number;
}

/** As nodemailer's `dkim` option takes it. */
export interface DkimConfig {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** A configuration value broke a rule; the message names the variable and the rule. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    rule: string,
    value: string,
  ) {
    super(`${variable} ${rule} (got ${JSON.stringify(value)})`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration; throws ConfigError on the first bad value. */
export function loadConfig(env: Env = process.env): AppConfig {
  return {
    port: portNumber(env, 'PORT', 3000),
    publicUrl: publicUrl(env, portNumber(env, 'PORT', 3000)),
    smtpPort: portNumber(env, 'SMTP_PORT', 2525),
    dataDir: resolve(nonEmpty(env, 'DATA_DIR', './data')),
    inboxDomain: domainName(env, 'INBOX_DOMAIN', 'inbox.localhost'),
    systemMailFrom: systemMailFrom(env, domainName(env, 'INBOX_DOMAIN', 'inbox.localhost')),
    eventStoreUrl: optionalUrl(env, 'EVENTSTORE_URL', ['esdb:', 'esdb+discover:', 'kurrentdb:', 'kurrentdb+discover:']),
    outboundSmtpUrl: optionalUrl(env, 'OUTBOUND_SMTP_URL', ['smtp:', 'smtps:']),
    maxMessageBytes: positiveInteger(env, 'MAX_MESSAGE_BYTES', 26_214_400),
    smtpLimits: {
      connectionsPerIp: positiveInteger(env, 'SMTP_MAX_CONNECTIONS_PER_IP', 20, 'connections'),
      clients: positiveInteger(env, 'SMTP_MAX_CLIENTS', 500, 'connections'),
      bytesInFlight: positiveInteger(env, 'SMTP_BYTES_IN_FLIGHT', 33_554_432),
    },
    mailParseTimeoutMs: positiveInteger(env, 'MAIL_PARSE_TIMEOUT_MS', 10_000, 'milliseconds'),
    signup: oneOf(env, 'SIGNUP', ['open', 'closed'] as const, 'open'),
    signupsPerIpPerHour: positiveInteger(env, 'SIGNUPS_PER_IP_PER_HOUR', 10, 'sign-ups'),
    smtpTls: tlsFiles(env),
    secret: optionalSecret(env, 'INBOX_SECRET'),
    dkim: dkimSigning(env),
    healthToken: healthToken(env),
    trustedProxies: proxyList(env, 'TRUSTED_PROXIES'),
    streamsPerAddress: positiveInteger(env, 'STREAMS_PER_ADDRESS', 50, 'streams'),
    passwordHashCost: passwordHashCost(env),
    presenceTtlSeconds: positiveInteger(env, 'PRESENCE_TTL_SECONDS', 15, 'seconds'),
    senderVerification: {
      timeoutMs: positiveInteger(env, 'SENDER_VERIFICATION_TIMEOUT_MS', 5_000, 'milliseconds'),
      trustedArcSealers: domainList(env, 'ARC_TRUSTED_SEALERS', ['google.com', 'microsoft.com', 'outlook.com']),
      dns: env.NODE_ENV === 'test' ? { kind: 'fixed', file: raw(env, 'INBOX_TEST_DNS_FILE') ?? null } : { kind: 'system' },
    },
    replyAttachments: {
      maxFileBytes: positiveInteger(env, 'REPLY_ATTACHMENT_MAX_BYTES', 10_485_760),
      maxReplyBytes: positiveInteger(env, 'REPLY_ATTACHMENTS_MAX_BYTES', 26_214_400),
      maxFiles: positiveInteger(env, 'REPLY_ATTACHMENTS_MAX_COUNT', 20, 'files'),
    },
  };
}

/** Production hashes cost at least 2^17; a test run (NODE_ENV=test) may make them cheap, as its passwords guard nothing. */
function passwordHashCost(env: Env): number {
  const name = 'PASSWORD_HASH_COST';
  const value = raw(env, name);
  if (value === undefined) return 17;
  const lowest = env.NODE_ENV === 'test' ? 10 : 17;
  const cost = Number(value);
  if (!/^\d+$/.test(value) || cost < lowest || cost > 20) {
    throw new ConfigError(name, `must be a whole number from ${lowest} to 20 (scrypt's N = 2^cost)`, value);
  }
  return cost;
}

function dkimSigning(env: Env): DkimConfig | null {
  const names = ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY_FILE'] as const;
  const set = names.filter((name) => raw(env, name));
  if (set.length === 0) return null;
  const missing = names.find((name) => !raw(env, name));
  if (missing) throw new ConfigError(missing, `must be set together with ${set.join(' and ')}`, '');
  const signingDomain = domainName(env, 'DKIM_DOMAIN', '');
  const keySelector = raw(env, 'DKIM_SELECTOR') as string;
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(keySelector)) {
    throw new ConfigError('DKIM_SELECTOR', 'must be a DNS label such as "inbox2026"', keySelector);
  }
  const keyFile = raw(env, 'DKIM_PRIVATE_KEY_FILE') as string;
  const privateKey = existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : '';
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey)) throw new ConfigError('DKIM_PRIVATE_KEY_FILE', 'must name a readable PEM private key file', keyFile);
  return { domainName: signingDomain, keySelector, privateKey };
}

function proxyList(env: Env, name: string): string[] {
  const value = raw(env, name);
  if (value === undefined) return [];
  const entries = value.split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const problem = proxyEntryProblem(entry);
    if (problem) throw new ConfigError(name, `must list IP addresses or CIDR ranges, separated by commas: ${problem}`, value);
  }
  return entries;
}

function tlsFiles(env: Env): AppConfig['smtpTls'] {
  const keyFile = raw(env, 'SMTP_TLS_KEY');
  const certFile = raw(env, 'SMTP_TLS_CERT');
  if (!keyFile && !certFile) return null;
  if (!keyFile) throw new ConfigError('SMTP_TLS_KEY', 'must be set together with SMTP_TLS_CERT', '');
  if (!certFile) throw new ConfigError('SMTP_TLS_CERT', 'must be set together with SMTP_TLS_KEY', '');
  for (const [name, file] of [['SMTP_TLS_KEY', keyFile], ['SMTP_TLS_CERT', certFile]] as const) {
    if (!existsSync(file)) throw new ConfigError(name, 'must name a readable PEM file', file);
  }
  return { keyFile, certFile };
}

function optionalSecret(env: Env, name: string): string | null {
  const value = raw(env, name);
  if (value === undefined) return null;
  if (value.length < 32) throw new ConfigError(name, 'must be at least 32 characters', `${value.slice(0, 4)}…`);
  return value;
}

function healthToken(env: Env): string | null {
  const value = raw(env, 'HEALTH_TOKEN');
  if (value === undefined) return null;
  // Whitespace would not survive an Authorization header; short ones can be guessed.
  if (value.length < 24 || /\s/.test(value)) throw new ConfigError('HEALTH_TOKEN', 'must be at least 24 characters without spaces', `${value.slice(0, 4)}…`);
  return value;
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function portNumber(env: Env, name: string, fallback: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) {
    throw new ConfigError(name, 'must be a port number from 0 to 65535', value);
  }
  return port;
}

function positiveInteger(env: Env, name: string, fallback: number, unit = 'bytes'): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || !Number.isSafeInteger(number)) {
    throw new ConfigError(name, `must be a positive whole number of ${unit}`, value);
  }
  return number;
}

function nonEmpty(env: Env, name: string, fallback: string): string {
  return raw(env, name) ?? fallback;
}

const dnsLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function domainName(env: Env, name: string, fallback: string): string {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  const labels = lower.split('.');
  if (lower.length > 253 || labels.length < 2 || !labels.every((label) => dnsLabel.test(label))) {
    throw new ConfigError(name, 'must be a domain name of at least two DNS labels (letters, digits, hyphens)', value);
  }
  return lower;
}

function domainList(env: Env, name: string, fallback: string[]): string[] {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => domainName({ [name]: entry }, name, ''));
}

function optionalUrl(env: Env, name: string, protocols: string[]): string | null {
  const value = raw(env, name);
  if (value === undefined) return null;
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new ConfigError(name, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`, value);
  }
  if (!protocols.includes(protocol)) {
    throw new ConfigError(name, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`, value);
  }
  return value;
}

/** Where people reach the web app, for links in the mail it sends them (PUBLIC_URL, no trailing slash). */
function publicUrl(env: Env, port: number): string {
  const value = optionalUrl(env, 'PUBLIC_URL', ['https:', 'http:']);
  if (value === null) return `http://localhost:${port}`;
  const url = new URL(value);
  if (url.search || url.hash || url.username || url.password) throw new ConfigError('PUBLIC_URL', 'must be a plain origin with an optional path, such as https://inbox.example.com', value);
  return url.href.replace(/\/+$/, '');
}

/** SYSTEM_MAIL_FROM, an address; `no-reply@<INBOX_DOMAIN>` without it. The name is the product's. */
function systemMailFrom(env: Env, inboxDomain: string): { name: string; address: string } {
  const value = raw(env, 'SYSTEM_MAIL_FROM');
  if (value === undefined) return { name: 'Inbox', address: `no-reply@${inboxDomain}` };
  if (!/^[^\s@<>"(),;:]+@[a-z0-9.-]+\.[a-z]{2,63}$/i.test(value)) throw new ConfigError('SYSTEM_MAIL_FROM', 'must be an email address such as no-reply@example.com', value);
  return { name: 'Inbox', address: value };
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}`, value);
  }
  return value as T;
}
