import { ApiProperty } from '@nestjs/swagger';

// What the chat visitor's routes answer, as the OpenAPI document describes it.

export class ChatSessionAnswer {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ description: "the session's credential: Authorization: Bearer, or ?token= on the stream" }) token!: string;
  @ApiProperty() conversationId!: string;
}

export class ChatVisitorAnswer {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'a confirmed address' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'an address left but not yet confirmed with the mailed code' })
  pendingEmail!: string | null;
}

export class ChatLineAnswer {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['visitor', 'agent'] }) author!: 'visitor' | 'agent';
  @ApiProperty() name!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: ['chat', 'email'], description: 'an agent reply that went by email once the visitor had left' }) via!: 'chat' | 'email';
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ChatTranscriptAnswer {
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ type: ChatVisitorAnswer, nullable: true }) visitor!: ChatVisitorAnswer | null;
  @ApiProperty({ type: [ChatLineAnswer] }) messages!: ChatLineAnswer[];
}

export class ChatLineReceivedAnswer {
  @ApiProperty() messageId!: string;
}

export class VisitorEmailAnswer {
  @ApiProperty({ type: String, nullable: true, description: 'set when the address was already confirmed' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'set when a code was mailed to it' }) pendingEmail!: string | null;
}

export class VerifiedEmailAnswer {
  @ApiProperty() email!: string;
}
