import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { InboundSmtpServer } from '../src/contexts/inbound-mail/smtp/inbound-smtp.server';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { simpleMail } from './support/smtp-client';
import { makeTempDir } from './support/temp-dir';

const certs = makeTempDir('inbox-tls-');
let api: TestApi;

beforeAll(async () => {
  const key = join(certs.path, 'key.pem');
  const cert = join(certs.path, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=inbox.test'], { stdio: 'ignore' });
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', SMTP_TLS_KEY: key, SMTP_TLS_CERT: cert });
});
afterAll(async () => {
  await api.close();
  certs.cleanup();
});

it('offers STARTTLS with the configured certificate and accepts mail over it', async () => {
  const owner = await signUp(api);
  const { address } = (await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `tls${Date.now().toString(36)}` })).body;
  const port = api.app.get(InboundSmtpServer).port as number;
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
  try {
    const info = await transport.sendMail({ envelope: { from: 'carla@example.com', to: [address] }, raw: simpleMail({ to: address }) });
    expect(info.response).toMatch(/^250 /);
  } finally {
    transport.close();
  }
});
