import { Module, type DynamicModule } from '@nestjs/common';
import { extname, join } from 'node:path';
import { CqrsModule } from '@nestjs/cqrs';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from './shared/config/app-config';
import { ConfigModule } from './shared/config/config.module';
import { EventStoreModule } from './shared/event-store/event-store.module';
import { SubscriptionsModule } from './shared/projections/subscriptions.module';
import { HealthController } from './shared/http/health.controller';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './shared/http/access.guard';
import { EventSourcingModule } from './shared/application/event-sourcing.module';
import { AccountsModule } from './contexts/accounts/accounts.module';
import { ChannelConfigurationModule } from './contexts/channel-configuration/channel-configuration.module';
import { InboundMailModule } from './contexts/inbound-mail/inbound-mail.module';
import { ConversationsModule } from './contexts/conversations/conversations.module';
import { ContactsModule } from './contexts/contacts/contacts.module';
import { ChatModule } from './contexts/chat/chat.module';
import { FormsModule } from './contexts/forms/forms.module';
import { PresenceModule } from './shared/presence/presence';
import { eventContracts } from './event-contracts';
import { projections } from './projections';
import { LiveStreamsModule } from './shared/live/live-streams';
import { ClockModule } from './shared/clock/clock.module';

/** The projection thread's entry: the compiled file, or under ts-jest and ts-node its TypeScript source. */
const PROJECTION_HOST_WORKER_FILE = join(__dirname, `projection-host.worker${extname(__filename)}`);

export interface AppModuleOptions {
  config: AppConfig;
  /** False for one-off commands (rebuilds, audits) that must not start following the log. */
  runSubscriptions: boolean;
  /** Listen for SMTP (false for one-off commands); defaults to runSubscriptions. */
  serveSmtp?: boolean;
}

@Module({})
export class AppModule {
  static forRoot({ config, runSubscriptions, serveSmtp = runSubscriptions }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        EventStoreModule.forRoot(eventContracts),
        DiscoveryModule,
        SubscriptionsModule.forRoot({ run: runSubscriptions, hostWorker: PROJECTION_HOST_WORKER_FILE, projections }),
        EventSourcingModule,
        CqrsModule.forRoot(),
        AccountsModule,
        ChannelConfigurationModule,
        InboundMailModule.forRoot({ smtp: serveSmtp }),
        PresenceModule,
        LiveStreamsModule,
        ConversationsModule,
        ContactsModule,
        ChatModule,
        FormsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
