import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { BLOB_STORE, BlobStore } from '../../../shared/blobs/blob-store';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { uploadDecider, uploadStream } from '../domain/reply-attachments';

export interface UploadedFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
  /** Pasted into the composer: an image shown in the reply rather than a file to download. */
  inline: boolean;
}

/** An agent's file for a reply: its bytes go to the blob store, then the upload is recorded for the account. */
export class UploadAttachment extends Command<{ attachmentId: string }> {
  constructor(
    readonly file: UploadedFile,
    readonly context: CommandContext & { accountId: string; userId: string },
  ) {
    super();
  }
}

@CommandHandler(UploadAttachment)
export class UploadAttachmentHandler implements ICommandHandler<UploadAttachment> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ file, context }: UploadAttachment): Promise<{ attachmentId: string }> {
    const uploadId = randomUUID();
    const command = {
      type: 'UploadAttachment' as const,
      uploadId,
      accountId: context.accountId,
      uploaderId: context.userId,
      ...BlobStore.nameOf(file.bytes),
      filename: file.filename,
      contentType: file.contentType,
      inline: file.inline,
      ownDomain: this.config.inboxDomain,
      maxFileBytes: this.config.replyAttachments.maxFileBytes,
      now: new Date(),
    };
    // Refuse a bad name before storing anything; the bytes are stored before the upload is recorded.
    uploadDecider.decide(command, null);
    await this.blobs.put(file.bytes);
    await this.eventSourcing.decide(uploadStream(uploadId), uploadDecider, command, context);
    return { attachmentId: uploadId };
  }
}
