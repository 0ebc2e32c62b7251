import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from './shared/config/app-config';
import { ConfigModule } from './shared/config/config.module';
import { EventStoreModule } from './shared/event-store/event-store.module';
import { SubscriptionsModule } from './shared/projections/subscriptions.module';
import { HealthController } from './shared/http/health.controller';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './shared/http/access.guard';
import { EventSourcingModule } from './shared/application/event-sourcing.module';
import { AccountsModule } from './contexts/accounts';
import { ChannelConfigurationModule } from './contexts/channel-configuration';

export interface AppModuleOptions {
  config: AppConfig;
  /** False for one-off commands (rebuilds, audits) that must not start following the log. */
  runSubscriptions: boolean;
}

@Module({})
export class AppModule {
  static forRoot({ config, runSubscriptions }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        EventStoreModule,
        SubscriptionsModule.forRoot({ run: runSubscriptions }),
        EventSourcingModule,
        CqrsModule.forRoot(),
        AccountsModule,
        ChannelConfigurationModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
