import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, clockFor, FileOffsetClock, type Clock } from './clock';

/** Provides the one `Clock` of the app (see `clockFor`). */
@Global()
@Module({ providers: [{ provide: CLOCK, useFactory: (): Clock => clockFor() }], exports: [CLOCK] })
export class ClockModule implements OnApplicationShutdown {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  onApplicationShutdown(): void {
    if (this.clock instanceof FileOffsetClock) this.clock.close();
  }
}
