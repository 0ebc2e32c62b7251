import { join } from 'node:path';
import { makeTempDir } from '../../../test/support/temp-dir';
import { exited, onLines, spawnTs } from '../../../test/support/spawn-ts';
import { describeEventStoreContract } from './event-store.contract';
import { SqliteEventStore } from './sqlite.event-store';

const dir = makeTempDir('inbox-sqlite-store-');
afterAll(() => dir.cleanup());

describeEventStoreContract('SqliteEventStore', async (upcast) => new SqliteEventStore(join(dir.path, 'contract.db'), { upcast }));

describe('SqliteEventStore durability', () => {
  it('keeps every acknowledged append after the writing process is SIGKILLed', async () => {
    const file = join(dir.path, 'killed.db');
    const child = spawnTs('test/support/append-until-killed.ts', [file]);
    const acknowledged: Array<{ stream: string; revision: number; position: string }> = [];
    const enough = new Promise<void>((resolve) => {
      onLines(child, (line) => {
        if (!line.startsWith('{')) return;
        acknowledged.push(JSON.parse(line) as { stream: string; revision: number; position: string });
        if (acknowledged.length === 3000) resolve();
      });
    });
    await enough;
    child.kill('SIGKILL');
    expect((await exited(child)).signal).toBe('SIGKILL');

    const reopened = new SqliteEventStore(file);
    try {
      const all = [];
      for (let page = await reopened.readAll({ maxCount: 5000 }); page.length > 0; ) {
        all.push(...page);
        page = await reopened.readAll({ fromPosition: page[page.length - 1].position + 1n, maxCount: 5000 });
      }
      const stored = new Map(all.map((e) => [e.position.toString(), e]));
      expect(all.length).toBeGreaterThanOrEqual(acknowledged.length);
      for (const ack of acknowledged) {
        const event = stored.get(ack.position);
        expect(event).toBeDefined();
        expect([event?.streamId, event?.revision]).toEqual([ack.stream, ack.revision]);
      }
    } finally {
      await reopened.close();
    }
  });
});
