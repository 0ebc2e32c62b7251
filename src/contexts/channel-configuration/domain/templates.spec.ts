import { forwardingAddress } from './forwarding-address';
import { renderFromName, renderSubject } from './templates';
import { renderOutgoingEmail } from './outgoing-email';

describe('template rendering', () => {
  const startedAt = new Date('2026-03-01T23:30:00Z');

  it('renders the conversation start in the account time zone and locale', () => {
    expect(renderSubject('Since {{conversation_started_at}}', startedAt, { timeZone: 'Europe/Berlin', locale: 'de-DE' })).toBe(
      'Since 02.03.2026, 00:30',
    );
    expect(renderSubject('Since {{conversation_started_at}}', startedAt, { timeZone: 'America/New_York', locale: 'en-US' })).toBe(
      'Since Mar 1, 2026, 6:30 PM',
    );
  });

  it("puts the agent's full name in the from name", () => {
    expect(renderFromName('{{agent_name}} from Acme', 'Anna Smith')).toBe('Anna Smith from Acme');
    expect(renderFromName('Acme Support', 'Anna Smith')).toBe('Acme Support');
  });

  it('quotes the display name of the from line', () => {
    const email = renderOutgoingEmail({
      fromNameTemplate: '{{agent_name}} "the fixer"',
      subjectTemplate: 'Hello',
      agentName: 'Bo',
      conversationStartedAt: startedAt,
      account: { timeZone: 'UTC', locale: 'en' },
      address: 'support@acme.inbox.test',
      bodyText: 'Hi <b>there</b>',
    });
    expect(email.from).toBe('"Bo \\"the fixer\\"" <support@acme.inbox.test>');
    expect(email.html).toContain('Hi &lt;b&gt;there&lt;/b&gt;');
  });
});

describe('forwarding address', () => {
  it('lowercases and joins the parts with the fixed suffix', () => {
    expect(forwardingAddress(' Support.Team ', 'ACME-eu', 'inbox.test')).toEqual({
      username: 'support.team',
      subdomain: 'acme-eu',
      address: 'support.team@acme-eu.inbox.test',
    });
  });
});
