import { ApiProperty } from '@nestjs/swagger';
import { SAVED_REPLY_VARIABLES } from '../../../shared/domain/template-variables';

// What the saved replies routes answer, as the OpenAPI document describes it.

export class SavedReplyAnswer {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Refund on its way' }) name!: string;
  @ApiProperty({ example: 'Hi {{contact.name}}, your refund is on its way. {{agent.name}}' }) body!: string;
  @ApiProperty({ description: 'the user who created it' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'the user who changed it last' }) updatedBy!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SavedReplyListAnswer {
  @ApiProperty({ type: [SavedReplyAnswer], description: 'sorted by name' }) items!: SavedReplyAnswer[];
  @ApiProperty({ enum: SAVED_REPLY_VARIABLES, isArray: true, description: 'the variables a body may use, as {{name}}' })
  variables!: string[];
}

export class RenderedSavedReplyAnswer {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: "the body with the conversation's values in place of its variables" }) text!: string;
}
