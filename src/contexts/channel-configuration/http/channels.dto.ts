import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';

export class ChangeEmailChannelDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ example: 'Follow-up from our conversation on {{conversation_started_at}}' })
  @IsOptional()
  @IsString()
  defaultSubject?: string;
  @ApiPropertyOptional({ example: '{{agent_name}} from Acme' }) @IsOptional() @IsString() fromName?: string;
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
}

export class ClaimForwardingAddressDto {
  @ApiProperty({ example: 'support' }) @IsString() username!: string;
  @ApiProperty({ example: 'acme' }) @IsString() subdomain!: string;
}

export class SwitchChatDto {
  @ApiProperty() @IsBoolean() enabled!: boolean;
}
