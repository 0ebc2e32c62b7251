// npm run parked -- list | retry <id> | retry-all: the events projections and process managers
// parked (see SubscriptionRunner), and applying them again once what made them fail is fixed.
// Safe beside a running server: a retry is one transaction in the read models' database (a
// projection) or commands with deterministic ids (a process manager); nothing follows the log here.
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { configOrExit } from '../shared/config/config-or-exit';
import type { ParkedEvent } from '../shared/projections/parked-events';
import { SubscriptionsService } from '../shared/projections/subscriptions.service';
import { messageOf } from '../shared/error-message';

const USAGE = 'Usage: npm run parked -- list | retry <id> | retry-all\n';

function describe(record: ParkedEvent): string {
  return [
    `#${record.id} ${record.kind} ${record.subscription}: ${record.eventType} at ${record.position} (${record.streamId}@${record.revision}, event ${record.eventId}, account ${record.accountId ?? '-'})`,
    `    ${record.attempts} attempts from ${record.firstAttemptAt} to ${record.lastAttemptAt}: ${record.error}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const [command, argument] = process.argv.slice(2);
  const id = Number(argument);
  if (!(command === 'list' || command === 'retry-all' || (command === 'retry' && Number.isSafeInteger(id) && id > 0))) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = configOrExit();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, runSubscriptions: false }), { logger: ['warn', 'error'] });
  try {
    const subscriptions = app.get(SubscriptionsService);
    if (command === 'list') {
      const records = subscriptions.parked();
      process.stdout.write(records.length === 0 ? 'No parked events.\n' : `${records.map(describe).join('\n')}\n`);
      return 0;
    }
    const ids = command === 'retry' ? [id] : subscriptions.parked().map((record) => record.id);
    let failed = 0;
    for (const each of ids) {
      const outcome = await subscriptions.retryParked(each);
      if (outcome.retried) process.stdout.write(`#${each} applied, no longer parked\n`);
      else process.stdout.write(`#${each} not applied: ${outcome.error}\n`);
      if (!outcome.retried) failed += 1;
    }
    if (command === 'retry-all') process.stdout.write(`${ids.length - failed} of ${ids.length} applied\n`);
    return failed === 0 ? 0 : 1;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`parked failed: ${messageOf(error)}\n`);
    process.exit(1);
  },
);
