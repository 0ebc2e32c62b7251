import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RUN_SUBSCRIPTIONS, SubscriptionsService } from './subscriptions.service';

@Global()
@Module({})
export class SubscriptionsModule {
  /** `run: false` for one-off commands (a rebuild) that must not start following the log. */
  static forRoot({ run }: { run: boolean }): DynamicModule {
    return {
      module: SubscriptionsModule,
      imports: [DiscoveryModule],
      providers: [{ provide: RUN_SUBSCRIPTIONS, useValue: run }, SubscriptionsService],
      exports: [SubscriptionsService, RUN_SUBSCRIPTIONS],
    };
  }
}
