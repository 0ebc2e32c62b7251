import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Role } from '../../../shared/domain/event-schema';

// What the channels and audit routes answer, as the OpenAPI document describes it.

export class ProviderConfirmationAnswer {
  @ApiProperty({ example: 'gmail' }) provider!: string;
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty({ type: String, nullable: true }) link!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

export class EmailChannelAnswer {
  @ApiProperty() enabled!: boolean;
  @ApiProperty() defaultSubject!: string;
  @ApiProperty() fromName!: string;
  @ApiProperty({ description: 'replies go as plain text only, without an HTML part' }) plainTextOnly!: boolean;
  @ApiProperty({ description: "the channel's signature, variables unrendered; empty when none" }) signature!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null until one is claimed' }) forwardingAddress!: string | null;
  @ApiProperty({ enum: ['thread', 'default'], description: "email replies start with `Re:` and the customer's subject (thread), or with the default subject" })
  replySubject!: 'thread' | 'default';
  @ApiProperty({ description: 'email replies quote the message they answer' }) quoteHistory!: boolean;
  @ApiProperty({ type: [ProviderConfirmationAnswer], description: "forwarding confirmations mailed by providers, newest first" })
  providerConfirmations!: ProviderConfirmationAnswer[];
  @ApiProperty({ enum: ['smtp', 'file'], description: 'replies go to the relay, or as .eml files to the outbox' }) outbound!: 'smtp' | 'file';
  @ApiProperty({ example: 'inbox.example.com' }) inboxDomain!: string;
}

export class ChatChannelAnswer {
  @ApiProperty() enabled!: boolean;
}

export class ChannelsAnswer {
  @ApiProperty({ type: EmailChannelAnswer, nullable: true }) email!: EmailChannelAnswer | null;
  @ApiProperty({ type: ChatChannelAnswer }) chat!: ChatChannelAnswer;
}

export class ForwardingAddressAnswer {
  @ApiProperty({ example: 'support@acme.inbox.example.com' }) address!: string;
}

export class EmailPreviewAnswer {
  @ApiProperty() from!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() html!: string;
  @ApiProperty() text!: string;
}

export class AuditedEmailChannelAnswer {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, nullable: true }) defaultSubject!: string | null;
  @ApiProperty({ type: String, nullable: true }) fromName!: string | null;
  @ApiProperty({ description: 'replies went as plain text only' }) plainTextOnly!: boolean;
  @ApiPropertyOptional({ description: "the channel's signature then; empty when none" }) signature?: string;
  @ApiProperty({ type: String, nullable: true }) forwardingAddress!: string | null;
  @ApiProperty({ enum: ['thread', 'default'], nullable: true }) replySubject!: 'thread' | 'default' | null;
  @ApiProperty({ type: Boolean, nullable: true }) quoteHistory!: boolean | null;
}

export class AuditedChannelsAnswer {
  @ApiProperty({ type: AuditedEmailChannelAnswer }) email!: AuditedEmailChannelAnswer;
  @ApiProperty({ type: ChatChannelAnswer }) chat!: ChatChannelAnswer;
}

export class UserActorAnswer {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: Role.options }) role!: Role;
  @ApiPropertyOptional({ description: "the user's name, when the account still has them" }) name?: string;
}

export class SystemActorAnswer {
  @ApiProperty({ example: 'chat-visitor:…' }) system!: string;
}

@ApiExtraModels(UserActorAnswer, SystemActorAnswer)
export class AuditEventAnswer {
  @ApiProperty({ enum: ['email', 'chat'] }) stream!: 'email' | 'chat';
  @ApiProperty() revision!: number;
  @ApiProperty({ example: 'EmailChannelSubjectChanged' }) type!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, oneOf: [{ $ref: getSchemaPath(UserActorAnswer) }, { $ref: getSchemaPath(SystemActorAnswer) }] })
  actor!: UserActorAnswer | SystemActorAnswer | null;
  @ApiProperty({ description: 'the request (or the event) that caused the change' }) requestId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
}

export class ChainBreakAnswer {
  @ApiProperty() revision!: number;
  @ApiProperty() type!: string;
}

export class ChainVerdictAnswer {
  @ApiProperty() intact!: boolean;
  @ApiProperty({ type: ChainBreakAnswer, nullable: true, description: "the first event whose previousHash does not match the event before it" })
  brokenAt!: ChainBreakAnswer | null;
  @ApiProperty({ type: String, nullable: true, description: 'hash of the last event' }) headHash!: string | null;
}

export class ConfigurationChainsAnswer {
  @ApiProperty() intact!: boolean;
  @ApiProperty({ type: ChainVerdictAnswer }) email!: ChainVerdictAnswer;
  @ApiProperty({ type: ChainVerdictAnswer }) chat!: ChainVerdictAnswer;
}

export class ConfigurationAuditAnswer {
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'the moment asked for; null: now' }) at!: string | null;
  @ApiProperty({ type: AuditedChannelsAnswer }) state!: AuditedChannelsAnswer;
  @ApiProperty({ type: [AuditEventAnswer] }) events!: AuditEventAnswer[];
  @ApiProperty({ type: ConfigurationChainsAnswer }) chain!: ConfigurationChainsAnswer;
}
