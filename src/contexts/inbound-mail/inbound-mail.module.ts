import { Module, type DynamicModule } from '@nestjs/common';
import { ChannelConfigurationModule } from '../channel-configuration/channel-configuration.module';
import { MailIntake } from './application/mail-intake';
import { NotShownMailQueue } from './application/not-shown-mail';
import { MailParserPool } from './application/mail-parser.pool';
import { MarkInboundMailUnroutedHandler } from './application/mark-unrouted.command';
import { InboundController } from './http/inbound.controller';
import { InboundMailQueries } from './read-models/inbound-mail.queries';
import { InboundSmtpServer } from './smtp/inbound-smtp.server';
import { SenderVerifier } from './application/sender-verifier';
import { APP_CONFIG, type AppConfig } from '../../shared/config/app-config';
import { DNS_RESOLVER, fixedRecordsResolver, systemResolver } from '../../shared/dns/dns-resolver';
import { cachingResolver } from '../../shared/dns/caching-resolver';

@Module({})
export class InboundMailModule {
  /** `smtp: false` for one-off commands, which must not listen on the SMTP port. */
  static forRoot({ smtp }: { smtp: boolean }): DynamicModule {
    return {
      module: InboundMailModule,
      imports: [ChannelConfigurationModule],
      controllers: [InboundController],
      providers: [
        {
          provide: DNS_RESOLVER,
          inject: [APP_CONFIG],
          useFactory: ({ senderVerification: { dns } }: AppConfig) =>
            dns.kind === 'system' ? cachingResolver(systemResolver()) : fixedRecordsResolver(dns.file ?? (() => ({}))),
        },
        SenderVerifier,
        MailIntake, NotShownMailQueue, MailParserPool, InboundMailQueries, MarkInboundMailUnroutedHandler, ...(smtp ? [InboundSmtpServer] : [])],
      exports: [MailIntake, InboundMailQueries],
    };
  }
}
