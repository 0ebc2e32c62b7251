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

  describe('signatures', () => {
    const base = {
      fromNameTemplate: '{{agent_name}}',
      subjectTemplate: 'Hello',
      agentName: 'Bo Berg',
      conversationStartedAt: startedAt,
      account: { timeZone: 'UTC', locale: 'en' },
      address: 'support@acme.inbox.test',
      bodyText: 'Hi Carla,\n\nDone.\n',
    };

    it("appends the agent's, then the channel's, below one delimiter, variables rendered", () => {
      const email = renderOutgoingEmail({
        ...base,
        signatures: { agent: '{{agent.name}}\n{{ agent.email }}', channel: 'Acme <support> for {{contact.name}}' },
        variables: { 'agent.email': 'bo@acme.test', 'contact.name': 'Carla' },
      });
      expect(email.text).toBe('Hi Carla,\n\nDone.\n\n-- \nBo Berg\nbo@acme.test\n\nAcme <support> for Carla');
      expect(email.html).toContain(
        '<div class="signature" style="margin-top:24px;color:#475569">-- <br><p style="margin:0 0 12px">Bo Berg<br>bo@acme.test</p><p style="margin:0 0 12px">Acme &lt;support&gt; for Carla</p></div>',
      );
    });

    it('appends only those that say something, and nothing at all without them', () => {
      const channelOnly = renderOutgoingEmail({ ...base, signatures: { agent: '', channel: 'Acme' } });
      expect(channelOnly.text).toBe('Hi Carla,\n\nDone.\n\n-- \nAcme');
      const blank = renderOutgoingEmail({ ...base, signatures: { agent: '{{contact.phone}}', channel: null } });
      expect(blank.text).toBe(base.bodyText);
      expect(blank.html).not.toContain('signature');
    });
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
