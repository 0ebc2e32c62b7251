import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../../../shared/domain/event-schema';
import { PERMISSION_NAMES, type Permission } from '../domain/permissions';
import { LANGUAGES, type Language } from '../../../shared/domain/language';

// What the accounts, auth and users routes answer, as the OpenAPI document describes it.

export class OpenedAccountAnswer {
  @ApiProperty() accountId!: string;
  @ApiProperty() userId!: string;
}

export class AccountAnswer {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['trial', 'seats'] }) plan!: 'trial' | 'seats';
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone!: string;
  @ApiProperty({ example: 'de-DE' }) locale!: string;
  @ApiProperty({ minimum: 0, maximum: 60, example: 10, description: 'undo send: seconds the outbox holds a reply so its author can take it back' })
  undoSendSeconds!: number;
}

/** The signed-in user. */
export class MeAnswer {
  @ApiProperty() userId!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: Role.options }) role!: Role;
  @ApiProperty({ enum: PERMISSION_NAMES, isArray: true, description: 'what this user may do; clients show and hide from this alone' })
  permissions!: Permission[];
  @ApiProperty({ description: 'appended to their email replies (variables unrendered); empty when none' }) signature!: string;
  @ApiProperty({ enum: LANGUAGES, description: "the language of their pages and of the mail the product sends them: their choice, else the account's locale's" })
  language!: Language;
}

export class UserAnswer {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: Role.options }) role!: Role;
  @ApiProperty({ description: 'false once deactivated: the user cannot sign in' }) active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: "false for the primary admin and for the caller: the caller cannot change this user's role or access" })
  changeable!: boolean;
}

export class UserListAnswer {
  @ApiProperty({ type: [UserAnswer] }) items!: UserAnswer[];
  @ApiProperty({ enum: Role.options, isArray: true, description: 'the roles a user can be given' }) assignableRoles!: Role[];
}

/** The same for every address, known or not. */
export class PasswordResetRequestedAnswer {
  @ApiProperty() message!: string;
}

export class InvitedAnswer {
  @ApiProperty() invitationId!: string;
}

export class InviterAnswer {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
}

export class InvitationAnswer {
  @ApiProperty() invitationId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: Role.options }) role!: Role;
  @ApiProperty({ type: InviterAnswer }) invitedBy!: InviterAnswer;
  @ApiProperty({ format: 'date-time', description: 'when the latest link was sent' }) invitedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when the latest link stops working' }) expiresAt!: string;
  @ApiProperty({ enum: ['pending', 'expired'], description: 'expired: the link no longer works; resend or revoke it' }) status!: 'pending' | 'expired';
}

export class InvitationListAnswer {
  @ApiProperty({ type: [InvitationAnswer] }) items!: InvitationAnswer[];
}

/** What an invitation link is for, shown before the invitee chooses name and password. */
export class InvitationLinkAnswer {
  @ApiProperty() email!: string;
  @ApiProperty() accountName!: string;
  @ApiProperty({ enum: Role.options }) role!: Role;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
