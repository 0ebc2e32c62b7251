import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Projection, ProjectionClass } from './projection';
import { PROJECTIONS, PROJECTION_HOST_WORKER, RUN_SUBSCRIPTIONS, SubscriptionsService } from './subscriptions.service';

@Global()
@Module({})
export class SubscriptionsModule {
  /**
   * `run: false` for one-off commands (a rebuild) that must not start following the log;
   * `hostWorker`: the projection thread's entry file (see ProjectionHost), or none to apply here;
   * `projections`: every read model to run (the app's one list), each class a provider here so the
   * app holds one instance of it; process managers are found by their `@RegisterProcessManager()` mark.
   */
  static forRoot({ run, hostWorker = null, projections }: { run: boolean; hostWorker?: string | null; projections: readonly ProjectionClass[] }): DynamicModule {
    return {
      module: SubscriptionsModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: RUN_SUBSCRIPTIONS, useValue: run },
        { provide: PROJECTION_HOST_WORKER, useValue: hostWorker },
        ...projections,
        { provide: PROJECTIONS, inject: [...projections], useFactory: (...instances: Projection[]) => instances },
        SubscriptionsService,
      ],
      exports: [SubscriptionsService, RUN_SUBSCRIPTIONS],
    };
  }
}
