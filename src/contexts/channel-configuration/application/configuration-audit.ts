import { Injectable } from '@nestjs/common';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import type { Actor } from '../../../shared/domain/event-envelope';
import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import { AccountsQueries } from '../../accounts/contract';
import { chatChannelStream } from '../domain/chat-channel.decider';
import {
  replayConfiguration,
  verifyConfigurationChains,
  type ChannelConfigurationState,
  type ConfigurationEvent,
} from '../domain/configuration-history';
import { emailChannelStream } from '../domain/email-channel.decider';

export interface AuditEvent {
  stream: 'email' | 'chat';
  revision: number;
  type: string;
  at: string;
  actor: (Actor & { name?: string }) | null;
  /** The request (or the event) that caused the change. */
  requestId: string;
  data: Record<string, unknown>;
}

export interface ConfigurationAudit {
  at: string | null;
  state: ChannelConfigurationState;
  events: AuditEvent[];
  chain: ReturnType<typeof verifyConfigurationChains>;
}

/**
 * The channel configuration's history straight from the event log (not a read model), the state
 * replayed as of a moment, and whether the hash chain of each stream is intact.
 */
@Injectable()
export class ChannelConfigurationAuditor {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly accounts: AccountsQueries,
  ) {}

  async audit(accountId: string, at: Date | null): Promise<ConfigurationAudit> {
    const [email, chat] = await Promise.all([
      this.eventSourcing.store.readStream(emailChannelStream(accountId)),
      this.eventSourcing.store.readStream(chatChannelStream(accountId)),
    ]);
    const recorded = [...email.map((e) => ['email', e] as const), ...chat.map((e) => ['chat', e] as const)].sort(
      ([, a], [, b]) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0),
    );
    const events: ConfigurationEvent[] = recorded.map(([stream, e]) => ({
      stream,
      revision: e.revision,
      type: e.type,
      data: e.data,
      occurredAt: e.metadata.occurredAt,
    }));
    const names = new Map(this.accounts.users(accountId).map((user) => [user.userId, user.name]));
    const visible = recorded.filter(([, e]) => at === null || new Date(e.metadata.occurredAt) <= at);
    return {
      at: at ? at.toISOString() : null,
      state: replayConfiguration(events, at),
      events: visible.map(([stream, e]) => this.toAuditEvent(stream, e, names)),
      chain: verifyConfigurationChains(events),
    };
  }

  private toAuditEvent(stream: 'email' | 'chat', event: RecordedEvent, names: Map<string, string>): AuditEvent {
    const { previousHash: _previousHash, ...data } = event.data as Record<string, unknown>;
    const actor = event.metadata.actor;
    return {
      stream,
      revision: event.revision,
      type: event.type,
      at: event.metadata.occurredAt,
      actor: 'userId' in actor ? { ...actor, name: names.get(actor.userId) } : actor,
      requestId: event.metadata.correlationId,
      data,
    };
  }
}
