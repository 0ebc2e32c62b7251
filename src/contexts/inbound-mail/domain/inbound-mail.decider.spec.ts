import { given } from '../../../shared/domain/decider.testing';
import { inboundMailDecider } from './inbound-mail.decider';
import type { InboundMailAccepted, InboundMailEvent, InboundMailFailed } from './inbound-mail.events';

const accepted = { inboundId: 'i1', accountId: 'a1' } as InboundMailAccepted['data'];
const failed = { inboundId: 'i1', accountId: 'a1', reason: 'could not be parsed' } as InboundMailFailed['data'];
const unrouted: InboundMailEvent = { type: 'InboundMailUnrouted', data: { inboundId: 'i1', accountId: 'a1', reason: 'no sender' } };

describe('inbound mail decider', () => {
  it('accepts a new mail once; a second delivery changes nothing', () => {
    given(inboundMailDecider).when({ type: 'Accept', accepted, reprocessing: false }).then([{ type: 'InboundMailAccepted', data: accepted }]);
    given(inboundMailDecider, [{ type: 'InboundMailAccepted', data: accepted }]).when({ type: 'Accept', accepted, reprocessing: false }).then([]);
  });

  it('keeps a mail that cannot be parsed as failed, once', () => {
    given(inboundMailDecider).when({ type: 'Fail', failed }).then([{ type: 'InboundMailFailed', data: failed }]);
    given(inboundMailDecider, [{ type: 'InboundMailFailed', data: failed }]).when({ type: 'Fail', failed }).then([]);
  });

  it('moves an accepted mail with nowhere to go to the failed queue', () => {
    given(inboundMailDecider, [{ type: 'InboundMailAccepted', data: accepted }])
      .when({ type: 'MarkUnrouted', inboundId: 'i1', accountId: 'a1', reason: 'no sender' })
      .then([unrouted]);
  });

  it('accepts a failed or unrouted mail again only when an admin reprocesses it', () => {
    const redelivered = { type: 'Accept' as const, accepted, reprocessing: false };
    given(inboundMailDecider, [{ type: 'InboundMailFailed', data: failed }]).when(redelivered).then([]);
    given(inboundMailDecider, [{ type: 'InboundMailAccepted', data: accepted }, unrouted]).when(redelivered).then([]);
    given(inboundMailDecider, [{ type: 'InboundMailAccepted', data: accepted }, unrouted])
      .when({ ...redelivered, reprocessing: true })
      .then([{ type: 'InboundMailAccepted', data: accepted }]);
  });
});
