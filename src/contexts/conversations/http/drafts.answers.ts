import { ApiProperty } from '@nestjs/swagger';

// What the drafts and undo send routes answer, and what the thread tells about drafts.

export class DraftAnswer {
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the subject as the user edited it; null keeps the prefilled one' }) subject!: string | null;
  @ApiProperty({ format: 'date-time' }) savedAt!: string;
}

export class SavedDraftAnswer {
  @ApiProperty({ type: DraftAnswer, nullable: true, description: "the caller's draft as it now stands; null when there is none" })
  draft!: DraftAnswer | null;
}

/** A colleague who is writing a reply in the conversation: who, never what. */
export class DraftAuthorAnswer {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
}

export class UndoneReplyAnswer {
  @ApiProperty() messageId!: string;
  @ApiProperty({ description: 'the reply as the author wrote it, for the composer' }) text!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'a forward was taken back: it is withdrawn, and nothing returns to the reply composer or the draft' }) forward!: boolean;
}
