import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { DkimConfig } from '../../../shared/config/app-config';
import { OWNER_ONLY, tightenToOwner } from '../../../shared/owner-only-file';
import type { ReplyQueued } from '../domain/outgoing-reply';
import { noticeMail, type OutboundMailer, type OutboundNotice } from './outbound-mailer';
import { replyMail, type ReplyParts } from './reply-mail';

/**
 * Without a relay, each reply becomes `<messageId>.eml` under DATA_DIR/outbox, complete with its
 * headers (and DKIM signature when configured), written durably before it counts as sent.
 */
export class FileOutboundMailer implements OutboundMailer {
  readonly kind = 'file';
  private readonly transport: Transporter;

  constructor(
    private readonly directory: string,
    dkim: DkimConfig | null,
  ) {
    // Replies an earlier build wrote with the default mode.
    if (existsSync(directory)) for (const name of readdirSync(directory)) tightenToOwner(join(directory, name));
    this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows', ...(dkim ? { dkim } : {}) } as Parameters<typeof createTransport>[0]);
  }

  send(reply: ReplyQueued['data'], parts: ReplyParts): Promise<{ response: string }> {
    return this.write(reply.messageId, replyMail(reply, parts));
  }

  sendNotice(notice: OutboundNotice): Promise<{ response: string }> {
    return this.write(notice.id, noticeMail(notice));
  }

  private async write(messageId: string, mail: Mail.Options): Promise<{ response: string }> {
    const info = (await this.transport.sendMail(mail)) as { message: Buffer };
    mkdirSync(this.directory, { recursive: true });
    const name = `${messageId}.eml`;
    const temporary = join(this.directory, `.${name}.tmp`);
    const fd = openSync(temporary, 'w', OWNER_ONLY);
    try {
      writeSync(fd, info.message);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, join(this.directory, name));
    // The rename is durable only once the directory is.
    const directory = openSync(this.directory, 'r');
    try {
      fsyncSync(directory);
    } finally {
      closeSync(directory);
    }
    return { response: `written to outbox/${name}` };
  }

  close(): void {
    this.transport.close();
  }
}
