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

  // Bounded like sign-in's: both go to scrypt.
  @ApiPropertyOptional({ minLength: 12, maxLength: 256, description: 'a new password; needs currentPassword' })
  @IsOptional()
  @IsString()
  @MaxLength(256, { message: 'password must be at most 256 characters' })
  password?: string;

  @ApiPropertyOptional({ maxLength: 256, description: 'the password now, to set a new one' })
  @IsOptional()
  @IsString()
  @MaxLength(256, { message: 'currentPassword must be at most 256 characters' })
  currentPassword?: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ maxLength: 254, example: 'anna@acme.example' }) @IsString() @MaxLength(254, { message: 'email must be at most 254 characters' }) email!: string;
}

export class PasswordResetConfirmDto {
  // A token is 43 characters; anything much longer is none of ours.
  @ApiProperty({ description: "the token of the reset link's path", maxLength: 128 }) @IsString() @MaxLength(128, { message: 'token must be at most 128 characters' }) token!: string;
  @ApiProperty({ minLength: 12, maxLength: 256 }) @IsString() @MaxLength(256, { message: 'password must be at most 256 characters' }) password!: string;
}

export class InviteUserDto {
  @ApiProperty({ example: 'bea@acme.example', maxLength: 254 }) @IsString() @MaxLength(254, { message: 'email must be at most 254 characters' }) email!: string;
  @ApiProperty({ enum: ['admin', 'agent', 'auditor'] })
  @IsIn(['admin', 'agent', 'auditor'], { message: 'role must be one of admin, agent, auditor' })
  role!: 'admin' | 'agent' | 'auditor';
}

/** The token from the invitation link (`/invite/<token>`). */
export class InvitationLinkDto {
  @ApiProperty({ maxLength: 128 }) @IsString() @MaxLength(128, { message: 'token is not a valid invitation link' }) token!: string;
}

export class AcceptInvitationDto extends InvitationLinkDto {
  @ApiProperty({ example: 'Bea Berger', maxLength: 100 }) @IsString() @MaxLength(200, { message: 'name must be at most 100 characters' }) name!: string;
  @ApiProperty({ minLength: 12, maxLength: 256 }) @IsString() @MaxLength(256, { message: 'password must be at most 256 characters' }) password!: string;
}
