// npm run audit -- --account <id> [--at <ISO time>]: the channel configuration's history, the state
// replayed as of a moment, and whether the hash chain is intact. Reads the event log directly.
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppModule } from '../app.module';
import { ChannelConfigurationAuditor } from '../contexts/channel-configuration/contract';
import { configOrExit } from '../shared/config/config-or-exit';
import { messageOf } from '../shared/error-message';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { account: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.account) throw new Error('--account <id> is required');
  const at = values.at ? new Date(values.at) : null;
  if (at && Number.isNaN(at.getTime())) throw new Error(`--at must be an ISO 8601 time (got "${values.at}")`);

  const config = configOrExit();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, runSubscriptions: false }), { logger: ['error'] });
  try {
    const audit = await app.get(ChannelConfigurationAuditor).audit(values.account, at);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(audit, null, 2)}\n`);
      return;
    }
    const out = (line = '') => process.stdout.write(`${line}\n`);
    out(`Channel configuration of account ${values.account}${at ? ` as of ${at.toISOString()}` : ''}`);
    out();
    for (const event of audit.events) {
      const who = event.actor && 'userId' in event.actor ? `${event.actor.name ?? event.actor.userId} (${event.actor.role})` : `system: ${event.actor?.system}`;
      out(`${event.at}  ${event.stream.padEnd(5)} ${event.type.padEnd(26)} by ${who}  request ${event.requestId}`);
      out(`    ${JSON.stringify(event.data)}`);
    }
    if (audit.events.length === 0) out('(no configuration events)');
    out();
    out(`State: ${JSON.stringify(audit.state, null, 2)}`);
    out();
    const chain = audit.chain;
    out(
      chain.intact
        ? `Hash chain: intact (email head ${chain.email.headHash ?? '-'}, chat head ${chain.chat.headHash ?? '-'})`
        : `Hash chain: BROKEN at ${[chain.email, chain.chat].filter((c) => !c.intact).map((c) => `${c.brokenAt?.type} #${c.brokenAt?.revision}`).join(', ')}`,
    );
    if (!chain.intact) process.exitCode = 2;
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Audit failed: ${messageOf(error)}\n`);
  process.exit(1);
});
