import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { addressClaimDecider, addressClaimStream, subdomainClaimDecider, subdomainClaimStream } from '../domain/address-claims.decider';
import { ForwardingAddressAlreadySet, EmailChannelNotReady } from '../domain/channel.errors';
import { emailChannelDecider, emailChannelStream } from '../domain/email-channel.decider';
import { forwardingAddress } from '../domain/forwarding-address';

export class ClaimForwardingAddress extends Command<{ address: string }> {
  constructor(
    readonly username: string,
    readonly subdomain: string,
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

/**
 * The irreversible claim: the subdomain (first account wins), then the address, both with
 * `no_stream`, then the channel records it. Every rule that can refuse without a race is checked
 * before anything is claimed.
 */
@CommandHandler(ClaimForwardingAddress)
export class ClaimForwardingAddressHandler implements ICommandHandler<ClaimForwardingAddress> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ username, subdomain, context }: ClaimForwardingAddress): Promise<{ address: string }> {
    const wanted = forwardingAddress(username, subdomain, this.config.inboxDomain);
    const { accountId } = context;
    const channel = await this.eventSourcing.load(emailChannelStream(accountId), emailChannelDecider);
    if (!channel.created) throw new EmailChannelNotReady();
    if (channel.forwardingAddress !== null) throw new ForwardingAddressAlreadySet(channel.forwardingAddress);

    await this.eventSourcing.decide(subdomainClaimStream(wanted.subdomain), subdomainClaimDecider, { subdomain: wanted.subdomain, accountId }, context);
    await this.eventSourcing.decide(addressClaimStream(wanted.address), addressClaimDecider, { address: wanted.address, accountId }, context);
    const recorded = await this.eventSourcing.decide(
      emailChannelStream(accountId),
      emailChannelDecider,
      { type: 'RecordForwardingAddress', accountId, ...wanted },
      context,
    );
    await this.eventSourcing.waitForReadModels(recorded.position);
    return { address: wanted.address };
  }
}
