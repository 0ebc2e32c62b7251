import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { MessageSpool } from './message-spool';

describe('MessageSpool', () => {
  const dir = makeTempDir('spool-');
  afterAll(() => dir.cleanup());

  it('keeps a small message in memory, no file', async () => {
    const spool = new MessageSpool(join(dir.path, 'small'));
    spool.open();
    const message = await spool.receive(Readable.from([Buffer.from('Subject: hi\r\n\r\n'), Buffer.from('body\r\n')]), 1000);
    expect(readdirSync(spool.dir)).toEqual([]);
    expect((await message.read()).toString()).toBe('Subject: hi\r\n\r\nbody\r\n');
  });

  it('keeps a larger message in a file only its user can read, and removes it afterwards', async () => {
    const spool = new MessageSpool(join(dir.path, 'a'), 16);
    spool.open();
    const message = await spool.receive(Readable.from([Buffer.from('Subject: hi\r\n\r\n'), Buffer.from('body\r\n')]), 1000);
    const [file] = readdirSync(spool.dir);
    expect(statSync(join(spool.dir, file)).mode & 0o777).toBe(0o600);
    expect(statSync(spool.dir).mode & 0o777).toBe(0o700);
    expect((await message.read()).toString()).toBe('Subject: hi\r\n\r\nbody\r\n');
    expect(message).toMatchObject({ size: 21, complete: true });
    await message.remove();
    expect(readdirSync(spool.dir)).toEqual([]);
  });

  it('counts bytes past the limit without keeping them', async () => {
    const spool = new MessageSpool(join(dir.path, 'b'), 16);
    spool.open();
    const message = await spool.receive(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000);
    expect(message).toMatchObject({ size: 1200, complete: false });
    expect((await message.read()).length).toBe(600);
    await message.remove();
  });

  it('removes the file of a message whose client went away, and what a crash left behind', async () => {
    const spool = new MessageSpool(join(dir.path, 'c'), 16);
    spool.open();
    let reads = 0;
    const broken = new Readable({
      read() {
        if (reads++ === 0) this.push(Buffer.alloc(100));
        else this.destroy(new Error('Connection closed before the message was received in full'));
      },
    });
    await expect(spool.receive(broken, 1000)).rejects.toThrow('Connection closed');
    expect(readdirSync(spool.dir)).toEqual([]);
    writeFileSync(join(spool.dir, 'left-by-a-crash.eml'), 'x');
    spool.open();
    expect(existsSync(join(spool.dir, 'left-by-a-crash.eml'))).toBe(false);
  });
});
