import { ApiProperty } from '@nestjs/swagger';

// What the notes and notifications routes answer, as the OpenAPI document describes it.

export class NoteAddedAnswer {
  @ApiProperty({ description: "the note's id: the thread shows it as a message with direction `note`" }) noteId!: string;
}

export class NotificationAuthorAnswer {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
}

export class NotificationAnswer {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['mention'] }) kind!: 'mention';
  @ApiProperty() conversationId!: string;
  @ApiProperty({ description: "the conversation's subject" }) subject!: string;
  @ApiProperty({ description: 'the note that mentions the user; the thread shows it at `#note-<noteId>`' }) noteId!: string;
  @ApiProperty({ type: NotificationAuthorAnswer, description: 'who wrote the note' }) by!: NotificationAuthorAnswer;
  @ApiProperty({ description: 'the start of the note, mentions as @name' }) excerpt!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readAt!: string | null;
}

export class NotificationListAnswer {
  @ApiProperty({ type: [NotificationAnswer], description: 'newest first, at most `limit`' }) items!: NotificationAnswer[];
  @ApiProperty({ description: 'unread notifications in all (not only on this page)' }) unread!: number;
}

export class NotificationsReadAnswer {
  @ApiProperty({ description: 'unread notifications left' }) unread!: number;
}
