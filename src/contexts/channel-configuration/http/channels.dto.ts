import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString } from 'class-validator';

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
