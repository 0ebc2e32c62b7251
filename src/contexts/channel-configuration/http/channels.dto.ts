import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SIGNATURE_MAX } from '../../../shared/domain/signature';

// Past this the signature rule would refuse anyway; cut the work before it reads the text.
const SIGNATURE_INPUT_MAX = SIGNATURE_MAX * 2;

export class ChangeEmailChannelDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ example: 'Follow-up from our conversation on {{conversation_started_at}}' })
  @IsOptional()
  @IsString()
  defaultSubject?: string;
  @ApiPropertyOptional({ example: '{{agent_name}} from Acme' }) @IsOptional() @IsString() fromName?: string;
  @ApiPropertyOptional({ description: 'send replies as plain text only, without an HTML part' })
  @IsOptional()
  @IsBoolean({ message: 'plainTextOnly must be true or false' })
  plainTextOnly?: boolean;

  @ApiPropertyOptional({
    example: 'Acme Support · {{agent.email}}',
    description: `the channel's signature, below the agent's in every email reply: plain text, several lines, at most ${SIGNATURE_MAX} characters, the variables of saved replies; empty removes it`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(SIGNATURE_INPUT_MAX, { message: `signature must be at most ${SIGNATURE_MAX} characters` })
  signature?: string;

  @ApiPropertyOptional({ enum: ['thread', 'default'], description: "`thread`: `Re:` and the customer's subject; `default`: the default subject" })
  @IsOptional()
  @IsIn(['thread', 'default'], { message: 'replySubject must be thread or default' })
  replySubject?: 'thread' | 'default';
  @ApiPropertyOptional({ description: 'quote the message answered below each email reply' })
  @IsOptional()
  @IsBoolean({ message: 'quoteHistory must be true or false' })
  quoteHistory?: boolean;
}

export class PreviewEmailDto {
  @ApiProperty() @IsString() defaultSubject!: string;
  @ApiProperty() @IsString() fromName!: string;
  @ApiPropertyOptional({ description: "the channel's signature to preview; the saved one when absent" })
  @IsOptional()
  @IsString()
  @MaxLength(SIGNATURE_INPUT_MAX, { message: `signature must be at most ${SIGNATURE_MAX} characters` })
  signature?: string;
}

export class ClaimForwardingAddressDto {
  @ApiProperty({ example: 'support' }) @IsString() username!: string;
  @ApiProperty({ example: 'acme' }) @IsString() subdomain!: string;
}

export class SwitchChatDto {
  @ApiProperty() @IsBoolean() enabled!: boolean;
}
