import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PROJECTION_HOST_WORKER, RUN_SUBSCRIPTIONS, SubscriptionsService } from './subscriptions.service';

@Global()
@Module({})
export class SubscriptionsModule {
  /**
   * `run: false` for one-off commands (a rebuild) that must not start following the log;
   * `hostWorker`: the projection thread's entry file (see ProjectionHost), or none to apply here.
   */
  static forRoot({ run, hostWorker = null }: { run: boolean; hostWorker?: string | null }): DynamicModule {
    return {
      module: SubscriptionsModule,
      imports: [DiscoveryModule],
      providers: [{ provide: RUN_SUBSCRIPTIONS, useValue: run }, { provide: PROJECTION_HOST_WORKER, useValue: hostWorker }, SubscriptionsService],
      exports: [SubscriptionsService, RUN_SUBSCRIPTIONS],
    };
  }
}
