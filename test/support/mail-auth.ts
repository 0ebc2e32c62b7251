import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authenticate, sealMessage } from 'mailauth';
import { createTransport } from 'nodemailer';
import type { FixedRecords } from '../../src/shared/dns/dns-resolver';
import { makeTempDir } from './temp-dir';

// Mail a test signs itself: keys made here, their public halves published through the fixed-records
// DNS file the app reads in a test run (INBOX_TEST_DNS_FILE), so nothing touches the network.

export interface SigningKey {
  domain: string;
  selector: string;
  privateKey: string;
  /** The TXT record that publishes the public key. */
  record: string;
}

export function signingKey(domain: string, selector = 's1'): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return { domain, selector, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), record: `v=DKIM1; k=rsa; p=${der}` };
}

/** A DNS zone in a file: `add` publishes TXT records, `file` is what INBOX_TEST_DNS_FILE names. */
export function dnsZone() {
  const dir = makeTempDir('inbox-dns-');
  const file = join(dir.path, 'records.json');
  const records: FixedRecords = {};
  const save = () => writeFileSync(file, JSON.stringify(records));
  save();
  return {
    file,
    records: () => records,
    txt(name: string, value: string) {
      records[name] = { ...records[name], TXT: [[value]] };
      save();
    },
    key(key: SigningKey) {
      this.txt(`${key.selector}._domainkey.${key.domain}`, key.record);
    },
    /** Lookups of the name never answer. */
    hang(name: string) {
      records[name] = { HANG: [true] };
      save();
    },
    cleanup: () => dir.cleanup(),
  };
}

/** A mail composed and DKIM-signed by nodemailer, as a sending domain's server would send it. */
export async function signedMail(
  key: SigningKey,
  mail: { from: string; to: string; subject: string; text: string; messageId?: string; inReplyTo?: string; references?: string },
): Promise<Buffer> {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail({ ...mail, dkim: { domainName: key.domain, keySelector: key.selector, privateKey: key.privateKey } });
  return info.message as Buffer;
}

/**
 * What a forwarder such as Gmail does: it verifies the original as it arrives (recording the result),
 * changes the mail (a footer, which breaks the original DKIM signature), and seals the result with ARC.
 */
export async function forwardWithArc(original: Buffer, sealer: SigningKey, zone: FixedRecords, client: { ip: string; sender: string }): Promise<Buffer> {
  const resolver = async (name: string, rrtype: string) => {
    const answers = zone[name.toLowerCase()]?.[rrtype.toUpperCase()];
    if (!answers) throw Object.assign(new Error(`${name} not found`), { code: 'ENOTFOUND' });
    return answers as string[][];
  };
  const received = await authenticate(original, { resolver, ip: client.ip, sender: client.sender, helo: 'mail.sender.example', mta: `mx.${sealer.domain}`, disableBimi: true });
  if (!received.arc || !received.arc.authResults) throw new Error('the forwarder could not record what it found');
  const changed = Buffer.from(`${original.toString('utf8').replace(/\r\n$/, '')}\r\n-- \r\nForwarded by the list\r\n`);
  const seal = await sealMessage(changed, {
    signingDomain: sealer.domain,
    selector: sealer.selector,
    privateKey: sealer.privateKey,
    ...({ authResults: received.arc.authResults, cv: 'none' } as object),
  });
  return Buffer.concat([seal, changed]);
}
