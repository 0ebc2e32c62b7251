import { ApiProperty } from '@nestjs/swagger';

// What the contacts routes answer, as the OpenAPI document describes it.

export class ContactAnswer {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ContactListAnswer {
  @ApiProperty({ type: [ContactAnswer], description: 'by name, at most 50' }) items!: ContactAnswer[];
}

export class ContactConversationAnswer {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'email' }) channel!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ format: 'date-time', description: 'the newest message' }) lastMessageAt!: string;
}

export class ContactActivityAnswer {
  @ApiProperty({ example: 'Form submitted' }) type!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class ContactProfileAnswer extends ContactAnswer {
  @ApiProperty({ type: [String] }) emails!: string[];
  @ApiProperty({ type: [ContactConversationAnswer] }) conversations!: ContactConversationAnswer[];
  @ApiProperty({ type: [ContactActivityAnswer] }) recentActivity!: ContactActivityAnswer[];
}

export class ReplyAddressAnswer {
  @ApiProperty({ description: "the contact's own plus-address on the forwarding address" }) address!: string;
}
