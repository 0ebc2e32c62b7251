// npm run projections:rebuild: drops every read model and replays the whole log into it.
// Safe beside a running server: each batch checks the checkpoint it started from.
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { configOrExit } from '../shared/config/config-or-exit';
import { SubscriptionsService } from '../shared/projections/subscriptions.service';
import { messageOf } from '../shared/error-message';

async function main(): Promise<void> {
  const config = configOrExit();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, runSubscriptions: false }), {
    logger: ['warn', 'error'],
  });
  try {
    const results = await app.get(SubscriptionsService).rebuildProjections();
    if (results.length === 0) process.stdout.write('No projections are registered.\n');
    for (const { name, events, seconds } of results) {
      const rate = seconds > 0 ? Math.round(events / seconds) : events;
      process.stdout.write(`${name}: ${events} events replayed in ${seconds.toFixed(2)} s (${rate} events/s)\n`);
    }
    const parked = app.get(SubscriptionsService).parked().filter((record) => record.kind === 'projection').length;
    // The replay parks what still fails instead of stopping there.
    if (parked > 0) process.stdout.write(`${parked} events could not be applied and are parked: npm run parked -- list\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Rebuild failed: ${messageOf(error)}\n`);
  process.exit(1);
});
