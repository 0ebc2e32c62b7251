import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      systemMailFrom: { name: 'Inbox', address: 'no-reply@inbox.localhost' },
      smtpPort: 2525,
      dataDir: resolve('./data'),
      inboxDomain: 'inbox.localhost',
      eventStoreUrl: null,
      outboundSmtpUrl: null,
      maxMessageBytes: 26214400,
      smtpLimits: { connectionsPerIp: 20, clients: 500, bytesInFlight: 33554432 },
      mailParseTimeoutMs: 10000,
      signup: 'open',
      signupsPerIpPerHour: 10,
      smtpTls: null,
      secret: null,
      dkim: null,
      healthToken: null,
      trustedProxies: [],
      streamsPerAddress: 50,
      passwordHashCost: 17,
      presenceTtlSeconds: 15,
      senderVerification: { timeoutMs: 5000, trustedArcSealers: ['google.com', 'microsoft.com', 'outlook.com'], dns: { kind: 'system' } },
      replyAttachments: { maxFileBytes: 10485760, maxReplyBytes: 26214400, maxFiles: 20 },
    });
  });

  it('takes PUBLIC_URL as the origin of links in mail, without a trailing slash, and refuses one with a query', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://inbox.example.com/' }).publicUrl).toBe('https://inbox.example.com');
    expect(loadConfig({ PUBLIC_URL: 'https://example.com/support/' }).publicUrl).toBe('https://example.com/support');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(() => loadConfig({ PUBLIC_URL: 'https://inbox.example.com/?a=1' })).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://inbox.example.com' })).toThrow(ConfigError);
  });

  it('sends mail to its own people from SYSTEM_MAIL_FROM, else no-reply at the inbox domain', () => {
    expect(loadConfig({ INBOX_DOMAIN: 'inbox.example.com' }).systemMailFrom).toEqual({ name: 'Inbox', address: 'no-reply@inbox.example.com' });
    expect(loadConfig({ SYSTEM_MAIL_FROM: 'team@example.com' }).systemMailFrom).toEqual({ name: 'Inbox', address: 'team@example.com' });
    expect(() => loadConfig({ SYSTEM_MAIL_FROM: 'Team <team@example.com>' })).toThrow(ConfigError);
  });

  it('reads the trusted ARC sealers as domain names, and a fixed-records DNS file only in a test run', () => {
    expect(loadConfig({ ARC_TRUSTED_SEALERS: 'Google.com, forwarder.example' }).senderVerification.trustedArcSealers).toEqual(['google.com', 'forwarder.example']);
    expect(() => loadConfig({ ARC_TRUSTED_SEALERS: 'google.com,not a domain' })).toThrow('ARC_TRUSTED_SEALERS must be a domain name');
    expect(loadConfig({ NODE_ENV: 'production', INBOX_TEST_DNS_FILE: '/tmp/dns.json' }).senderVerification.dns).toEqual({ kind: 'system' });
    expect(loadConfig({ NODE_ENV: 'test', INBOX_TEST_DNS_FILE: '/tmp/dns.json' }).senderVerification.dns).toEqual({ kind: 'fixed', file: '/tmp/dns.json' });
    expect(loadConfig({ NODE_ENV: 'test' }).senderVerification.dns).toEqual({ kind: 'fixed', file: null });
  });

  it('lets only a test run (NODE_ENV=test) hash passwords below the production cost', () => {
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: '10' }).passwordHashCost).toBe(10);
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: '10' })).toThrow('PASSWORD_HASH_COST must be a whole number from 17 to 20');
    expect(() => loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: '9' })).toThrow('from 10 to 20');
  });

  it('takes a HEALTH_TOKEN long enough to be a secret', () => {
    expect(loadConfig({ HEALTH_TOKEN: ' 0123456789abcdef0123456789abcdef ' }).healthToken).toBe('0123456789abcdef0123456789abcdef');
  });

  it('reads TRUSTED_PROXIES as addresses and CIDR ranges, and refuses anything else', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.7 ::1' }).trustedProxies).toEqual(['10.0.0.0/8', '192.168.1.7', '::1']);
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.1,proxy.internal' })).toThrow(
      'TRUSTED_PROXIES must list IP addresses or CIDR ranges, separated by commas: "proxy.internal" is not an IP address or a CIDR range such as 10.0.0.0/8',
    );
  });

  it('reads DKIM signing only as a whole, from a PEM key file', () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'dkim-')), 'dkim.pem');
    writeFileSync(keyFile, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const config = loadConfig({ DKIM_DOMAIN: 'Acme.example', DKIM_SELECTOR: 'inbox2026', DKIM_PRIVATE_KEY_FILE: keyFile });
    expect(config.dkim).toMatchObject({ domainName: 'acme.example', keySelector: 'inbox2026', privateKey: expect.stringContaining('PRIVATE KEY') });
    expect(() => loadConfig({ DKIM_DOMAIN: 'acme.example' })).toThrow('DKIM_SELECTOR must be set together with DKIM_DOMAIN');
    expect(() => loadConfig({ DKIM_DOMAIN: 'acme.example', DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY_FILE: `${keyFile}.missing` })).toThrow(
      'DKIM_PRIVATE_KEY_FILE must name a readable PEM private key file',
    );
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      SMTP_PORT: '25',
      DATA_DIR: '/var/lib/inbox',
      INBOX_DOMAIN: 'Mail.Example.COM',
      EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false',
      OUTBOUND_SMTP_URL: 'smtps://user:pass@smtp.example.com:465',
      MAX_MESSAGE_BYTES: '1048576',
      SMTP_MAX_CONNECTIONS_PER_IP: '5',
      SMTP_MAX_CLIENTS: '50',
      SMTP_BYTES_IN_FLIGHT: '8388608',
      MAIL_PARSE_TIMEOUT_MS: '2500',
      SIGNUP: 'closed',
      SIGNUPS_PER_IP_PER_HOUR: '50',
      STREAMS_PER_ADDRESS: '200',
      PASSWORD_HASH_COST: '18',
    });
    expect(config).toMatchObject({
      port: 8080,
      smtpPort: 25,
      dataDir: '/var/lib/inbox',
      inboxDomain: 'mail.example.com',
      eventStoreUrl: 'esdb://eventstore:2113?tls=false',
      outboundSmtpUrl: 'smtps://user:pass@smtp.example.com:465',
      maxMessageBytes: 1048576,
      smtpLimits: { connectionsPerIp: 5, clients: 50, bytesInFlight: 8388608 },
      mailParseTimeoutMs: 2500,
      signup: 'closed',
      signupsPerIpPerHour: 50,
      streamsPerAddress: 200,
      passwordHashCost: 18,
    });
  });

  it.each([
    ['PORT', 'abc', 'PORT must be a port number from 0 to 65535 (got "abc")'],
    ['PORT', '70000', 'PORT must be a port number from 0 to 65535 (got "70000")'],
    ['SMTP_PORT', '-1', 'SMTP_PORT must be a port number from 0 to 65535 (got "-1")'],
    ['INBOX_DOMAIN', 'localhost', 'INBOX_DOMAIN must be a domain name of at least two DNS labels'],
    ['INBOX_DOMAIN', 'bad_domain.com', 'INBOX_DOMAIN must be a domain name'],
    ['EVENTSTORE_URL', 'http://localhost:2113', 'EVENTSTORE_URL must be a URL starting with esdb://'],
    ['OUTBOUND_SMTP_URL', 'not a url', 'OUTBOUND_SMTP_URL must be a URL starting with smtp:// or smtps://'],
    ['MAX_MESSAGE_BYTES', '0', 'MAX_MESSAGE_BYTES must be a positive whole number of bytes'],
    ['MAX_MESSAGE_BYTES', '2.5', 'MAX_MESSAGE_BYTES must be a positive whole number of bytes'],
    ['SIGNUPS_PER_IP_PER_HOUR', '0', 'SIGNUPS_PER_IP_PER_HOUR must be a positive whole number of sign-ups'],
    ['STREAMS_PER_ADDRESS', '0', 'STREAMS_PER_ADDRESS must be a positive whole number of streams'],
    ['SMTP_MAX_CONNECTIONS_PER_IP', '0', 'SMTP_MAX_CONNECTIONS_PER_IP must be a positive whole number of connections'],
    ['MAIL_PARSE_TIMEOUT_MS', '10s', 'MAIL_PARSE_TIMEOUT_MS must be a positive whole number of milliseconds'],
    ['SIGNUP', 'maybe', 'SIGNUP must be one of open, closed (got "maybe")'],
    ['SMTP_TLS_CERT', '/nonexistent/cert.pem', 'SMTP_TLS_KEY must be set together with SMTP_TLS_CERT'],
    ['INBOX_SECRET', 'short', 'INBOX_SECRET must be at least 32 characters'],
    ['PASSWORD_HASH_COST', '12', 'PASSWORD_HASH_COST must be a whole number from 17 to 20'],
    ['PASSWORD_HASH_COST', '21', 'PASSWORD_HASH_COST must be a whole number from 17 to 20'],
    ['HEALTH_TOKEN', 'short', 'HEALTH_TOKEN must be at least 24 characters without spaces'],
    ['HEALTH_TOKEN', 'a token of many words, but with spaces', 'HEALTH_TOKEN must be at least 24 characters without spaces'],
  ])('refuses %s=%s naming the variable and the rule', (given, value, message) => {
    const variable = message.split(' ')[0];
    let error: unknown;
    try {
      loadConfig({ [given]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toContain(message);
  });
});
