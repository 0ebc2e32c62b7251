import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import EmailReplyParser from 'email-reply-parser';
import { reverseEachLineOnce } from './reply-parser-speedup';

const CORPUS = join(__dirname, '../../../../test/fixtures/corpus');

/** Every reply text in the corpus from the reply-parsing libraries' own tests (bodies, not whole mails). */
function replyBodies(): string[] {
  return ['github-email_reply_parser', 'discourse-email_reply_trimmer'].flatMap((dir) =>
    readdirSync(join(CORPUS, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.txt'))
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8')),
  );
}

describe('email-reply-parser with each line reversed once', () => {
  it('finds the same visible and quoted text as the library itself', () => {
    let Original: typeof EmailReplyParser | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      Original = require('email-reply-parser') as typeof EmailReplyParser;
    });
    reverseEachLineOnce();
    const bodies = replyBodies();
    expect(bodies.length).toBeGreaterThan(100);
    for (const body of bodies) {
      const expected = new (Original as typeof EmailReplyParser)().read(body);
      const actual = new EmailReplyParser().read(body);
      expect(actual.getVisibleText()).toBe(expected.getVisibleText());
      expect(actual.getQuotedText()).toBe(expected.getQuotedText());
    }
  });
});
