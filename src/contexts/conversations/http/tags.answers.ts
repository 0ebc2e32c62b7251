import { ApiProperty } from '@nestjs/swagger';

// What the tags routes answer, as the OpenAPI document describes it.

export class TagAnswer {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'open conversations carrying the tag' }) openConversations!: number;
  @ApiProperty({ description: 'every conversation carrying the tag, open or closed' }) conversations!: number;
}

export class TagListAnswer {
  @ApiProperty({ type: [TagAnswer], description: 'by name' }) items!: TagAnswer[];
}

export class ConversationTagsAnswer {
  @ApiProperty({ type: [String], description: "the conversation's tags now, by name" }) tags!: string[];
}
