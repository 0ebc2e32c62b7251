import { startBrowserApp, type BrowserApp } from './support/browser-app';
import { openConversation } from './support/browser';
import { dnsZone, signedMail, signingKey } from './support/mail-auth';
import { sendRaw, simpleMail } from './support/smtp-client';

// The thread shows each inbound message's sender verdict, and warns on a conversation kept apart
// because a participant's address came on mail failing its domain's DMARC policy.

const zone = dnsZone();
const customer = signingKey('customer.example');
zone.key(customer);
zone.txt('_dmarc.customer.example', 'v=DMARC1; p=reject');

let running: BrowserApp;
beforeAll(async () => {
  running = await startBrowserApp({ INBOX_TEST_DNS_FILE: zone.file });
});
afterAll(async () => {
  await running?.stop();
  zone.cleanup();
});

describe('sender verification in the thread', () => {
  it('shows "Verified sender" on signed mail, and why a spoofed reply could not be verified, kept apart with a warning', async () => {
    const { app, page, address, smtpPort } = running;
    const signed = await signedMail(customer, { from: 'Carla <carla@customer.example>', to: address, subject: 'Invoice 42', text: 'Here is my question.', messageId: '<inv42@customer.example>' });
    expect((await sendRaw(smtpPort, address, signed, 'carla@customer.example')).code).toBe(250);
    await openConversation(page, app.baseUrl, 'Invoice 42');
    const verdict = page.getByTestId('sender-verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toBe('Verified sender');
    expect(await verdict.getAttribute('title')).toBe('SPF none, DKIM pass, DMARC pass, ARC none');
    expect(await page.getByTestId('unverified-sender-warning').count()).toBe(0);

    const spoof = simpleMail({ from: 'Carla <carla@customer.example>', to: address, subject: 'Re: Invoice 42', body: 'New bank details.', headers: ['In-Reply-To: <inv42@customer.example>'] });
    expect((await sendRaw(smtpPort, address, spoof, 'x@attacker.example')).code).toBe(250);
    await openConversation(page, app.baseUrl, 'Re: Invoice 42');
    await page.getByTestId('sender-verdict').waitFor();
    expect(await page.getByTestId('sender-verdict').textContent()).toBe('Could not verify sender: customer.example did not sign it and did not send it (DMARC failed, policy reject)');
    expect(await page.getByTestId('unverified-sender-warning').textContent()).toContain('its sender could not be verified');
    await page.getByRole('link', { name: 'another conversation' }).click();
    await page.getByRole('heading', { name: 'Invoice 42' }).waitFor();
    expect(await page.getByTestId('thread-message').count()).toBe(1);
  });
});
