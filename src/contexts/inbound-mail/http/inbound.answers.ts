import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// What the inbound-mail routes answer, as the OpenAPI document describes it.

export class IntakeAnswer {
  @ApiProperty() inboundId!: string;
  @ApiProperty({ enum: ['accepted', 'duplicate', 'failed'], description: 'failed: kept, and waiting in the failed-mail queue' })
  status!: 'accepted' | 'duplicate' | 'failed';
}

export class InboundTokenAnswer {
  @ApiProperty() token!: string;
  @ApiProperty({ example: '/api/inbound/mime' }) endpoint!: string;
}

/** An event about the mail that a projection or process manager set aside. */
export class ParkedEventAnswer {
  @ApiProperty() id!: number;
  @ApiProperty() subscription!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty() error!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) lastAttemptAt!: string;
}

/**
 * A mail in the failed-mail queue: not parsed, parsed but with nowhere to go, or received and
 * placed but an event about it was parked, so some screen does not show it (`parked`: which, and why).
 */
export class FailedMailAnswer {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['unparsed', 'unrouted', 'not-shown'] }) status!: 'unparsed' | 'unrouted' | 'not-shown';
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: [String] }) recipients!: string[];
  @ApiProperty({ enum: ['smtp', 'http'] }) via!: 'smtp' | 'http';
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'how intake classified it; null when it could not be parsed' }) kind!: string | null;
  @ApiProperty({ description: 'bytes of the raw message' }) size!: number;
  @ApiPropertyOptional({ type: [ParkedEventAnswer], description: 'for not-shown mail' }) parked?: ParkedEventAnswer[];
}

export class FailedMailListAnswer {
  @ApiProperty({ type: [FailedMailAnswer], description: 'newest first' }) items!: FailedMailAnswer[];
}

export class ReprocessAnswer {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['accepted', 'failed'] }) status!: 'accepted' | 'failed';
  @ApiPropertyOptional({ description: 'why it failed again' }) reason?: string;
}
