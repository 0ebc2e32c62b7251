import { Injectable } from '@nestjs/common';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import type { ParkedEvent } from '../../../shared/projections/parked-events';
import { SubscriptionsService } from '../../../shared/projections/subscriptions.service';
import { inboundMailStream, type StoredPart } from '../domain/inbound-mail.events';
import { InboundMailQueries, type InboundMailView } from '../read-models/inbound-mail.queries';

/** A mail that was received and kept, but an event about it was parked: some screen does not show it. */
export interface NotShownMail extends Omit<InboundMailView, 'status'> {
  parked: Array<Pick<ParkedEvent, 'id' | 'subscription' | 'eventType' | 'error' | 'attempts' | 'lastAttemptAt'>>;
}

/**
 * The failed-mail queue's view of parked events: those about an inbound mail of the account
 * (never another's), grouped by mail, with what is needed to download it and to retry them.
 */
@Injectable()
export class NotShownMailQueue {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly queries: InboundMailQueries,
    private readonly eventSourcing: EventSourcing,
  ) {}

  async list(accountId: string): Promise<NotShownMail[]> {
    const byMail = new Map<string, ParkedEvent[]>();
    for (const record of this.subscriptions.parkedOfAccountMail(accountId)) {
      const id = record.inboundId as string;
      byMail.set(id, [...(byMail.get(id) ?? []), record]);
    }
    const items: NotShownMail[] = [];
    for (const [inboundId, records] of byMail) {
      const mail = this.queries.message(accountId, inboundId) ?? (await this.fromTheLog(accountId, inboundId, records[0]));
      if (!mail) continue;
      const { status: _status, ...rest } = mail;
      items.push({
        ...rest,
        reason: records.map((record) => record.error).join('; '),
        parked: records.map(({ id, subscription, eventType, error, attempts, lastAttemptAt }) => ({ id, subscription, eventType, error, attempts, lastAttemptAt })),
      });
    }
    return items.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }

  /** The mail when the account has parked events about it; null otherwise. */
  async find(accountId: string, inboundId: string): Promise<NotShownMail | null> {
    return (await this.list(accountId)).find((mail) => mail.id === inboundId) ?? null;
  }

  /** Retries the mail's parked events; the errors of those that failed again (none: it is shown now). */
  async retry(accountId: string, inboundId: string): Promise<string[]> {
    const records = this.subscriptions.parkedOfAccountMail(accountId).filter((record) => record.inboundId === inboundId);
    const errors: string[] = [];
    for (const record of records) {
      const outcome = await this.subscriptions.retryParked(record.id);
      if (!outcome.retried) errors.push(outcome.error);
    }
    // A process manager's retry appends events: the answer waits until they are shown.
    await this.eventSourcing.settle(await this.eventSourcing.store.headPosition());
    return errors;
  }

  /**
   * When the mail's own record is what could not be written (the inbound-mail projection parked
   * it), the details come from its first event, read defensively: its shape may be what is wrong.
   */
  private async fromTheLog(accountId: string, inboundId: string, record: ParkedEvent): Promise<InboundMailView | null> {
    const [first] = await this.eventSourcing.store.readStream(inboundMailStream(inboundId));
    const data = (first?.data ?? {}) as Record<string, unknown>;
    if (data.accountId !== undefined && data.accountId !== accountId) return null;
    const raw = (data.raw ?? {}) as Partial<StoredPart>;
    const mail = (typeof data.mail === 'object' && data.mail !== null ? data.mail : {}) as { from?: { address?: unknown }; subject?: unknown };
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    return {
      id: inboundId,
      status: 'failed',
      reason: record.error,
      raw: { hash: text(raw.hash) ?? '', size: typeof raw.size === 'number' ? raw.size : 0 },
      recipients: Array.isArray(data.recipients) ? data.recipients.filter((r): r is string => typeof r === 'string') : [],
      via: data.via === 'http' ? 'http' : 'smtp',
      receivedAt: text(data.receivedAt) ?? record.firstAttemptAt,
      from: text(mail.from?.address),
      subject: text(mail.subject),
      kind: null,
    };
  }
}
