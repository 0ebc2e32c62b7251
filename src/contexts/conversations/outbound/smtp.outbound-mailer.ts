import { createTransport, type Transporter } from 'nodemailer';
import type { DkimConfig } from '../../../shared/config/app-config';
import type { ReplyQueued } from '../domain/outgoing-reply';
import { noticeMail, type OutboundMailer, type OutboundNotice } from './outbound-mailer';
import { replyMail, type ReplyParts } from './reply-mail';

/** Pooled SMTP to OUTBOUND_SMTP_URL. Timeouts stay well inside the outbox's claim on an attempt. */
export class SmtpOutboundMailer implements OutboundMailer {
  readonly kind = 'smtp';
  private readonly transport: Transporter;

  constructor(url: string, dkim: DkimConfig | null) {
    this.transport = createTransport({
      url,
      pool: true,
      maxConnections: 4,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
      ...(dkim ? { dkim } : {}),
    } as Parameters<typeof createTransport>[0]);
  }

  async send(reply: ReplyQueued['data'], parts: ReplyParts): Promise<{ response: string }> {
    const info = await this.transport.sendMail(replyMail(reply, parts));
    return { response: info.response ?? '' };
  }

  async sendNotice(notice: OutboundNotice): Promise<{ response: string }> {
    const info = await this.transport.sendMail(noticeMail(notice));
    return { response: info.response ?? '' };
  }

  close(): void {
    this.transport.close();
  }
}
