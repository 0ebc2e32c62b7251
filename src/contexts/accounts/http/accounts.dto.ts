import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { SIGNATURE_MAX } from '../../../shared/domain/signature';
import { LANGUAGES } from '../../../shared/domain/language';

// Shapes only; the rules (email form, password length, time zones…) live in the domain, once.

export class OpenAccountDto {
  @ApiProperty({ example: 'Acme' }) @IsString() accountName!: string;
  @ApiProperty({ example: 'Anna Smith' }) @IsString() ownerName!: string;
  @ApiProperty({ example: 'anna@acme.example' }) @IsString() email!: string;
  @ApiProperty({ minLength: 12 }) @IsString() password!: string;
  @ApiProperty({ enum: ['trial', 'seats'] }) @IsIn(['trial', 'seats']) plan!: 'trial' | 'seats';
  @ApiPropertyOptional({ example: 'Europe/Berlin', default: 'UTC' }) @IsOptional() @IsString() timeZone?: string;
  @ApiPropertyOptional({ example: 'de-DE', default: 'en' }) @IsOptional() @IsString() locale?: string;
}

export class ChangeAccountDto {
  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() timeZone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() locale?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 60, description: 'undo send: seconds the outbox holds a reply (default 10)' })
  @IsOptional()
  @IsInt({ message: 'undoSendSeconds must be a whole number from 0 to 60' })
  undoSendSeconds?: number;
}

// Bounded: the address typed keys the sign-in limits, kept in memory for 15 minutes, and the password goes to scrypt.
export class LoginDto {
  @ApiProperty({ maxLength: 254 }) @IsString() @MaxLength(254) email!: string;
  @ApiProperty({ maxLength: 256 }) @IsString() @MaxLength(256) password!: string;
}

export class CreateUserDto {
  @ApiProperty() @IsString() name!: string;
  @ApiProperty() @IsString() email!: string;
  @ApiProperty({ minLength: 12 }) @IsString() password!: string;
  @ApiProperty({ enum: ['admin', 'agent', 'auditor'] }) @IsIn(['admin', 'agent', 'auditor']) role!: 'admin' | 'agent' | 'auditor';
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional({ enum: ['admin', 'agent', 'auditor'] }) @IsOptional() @IsIn(['admin', 'agent', 'auditor']) role?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

/** `PATCH /api/me`: what users change of themselves. */
export class ChangeProfileDto {
  @ApiPropertyOptional({ description: 'the name colleagues see' }) @IsOptional() @IsString() @MaxLength(400) name?: string;
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'the language of your pages and of the mail the product sends you' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language?: string;

  @ApiPropertyOptional({
    example: '{{agent.name}}\nCustomer care, Acme',
    description: `appended to your email replies: plain text, several lines, at most ${SIGNATURE_MAX} characters, the variables of saved replies; empty removes it`,
  })
  @IsOptional()
  @IsString()
  // Past twice the bound the signature rule would refuse anyway; cut the work before it reads the text.
  @MaxLength(SIGNATURE_MAX * 2, { message: `signature must be at most ${SIGNATURE_MAX} characters` })
  signature?: string;
}
