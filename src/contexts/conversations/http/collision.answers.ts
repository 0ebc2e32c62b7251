import { ApiProperty } from '@nestjs/swagger';
import { ErrorBody } from '../../../shared/http/error-body';

// What the collision routes answer: who else is in a thread, and what held a reply.

export class PresentUserAnswer {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['viewing', 'typing'] }) state!: 'viewing' | 'typing';
}

export class PresenceAnswer {
  @ApiProperty({ type: [PresentUserAnswer], description: 'the other users in the thread now (not the caller)' }) users!: PresentUserAnswer[];
}

export class ArrivedMessageAnswer {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['inbound', 'outbound', 'note'] }) direction!: 'inbound' | 'outbound' | 'note';
  @ApiProperty({ description: '`mail`, `reply`, `chat`, `note`, `auto-reply`…' }) kind!: string;
  @ApiProperty({ description: 'who it is from, in words' }) from!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'its first words' }) excerpt!: string;
}

export class SendHeldAnswer extends ErrorBody {
  @ApiProperty({ type: [ArrivedMessageAnswer], description: 'what arrived after `savedAt`, oldest first' }) arrived!: ArrivedMessageAnswer[];
}
