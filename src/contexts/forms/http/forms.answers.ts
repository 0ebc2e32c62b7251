import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_TYPES, type FieldType } from '../domain/form.decider';

// What the forms routes answer, as the OpenAPI document describes it.

export class FormFieldAnswer {
  @ApiProperty({ example: 'email' }) name!: string;
  @ApiProperty({ example: 'Your email' }) label!: string;
  @ApiProperty({ enum: FIELD_TYPES }) type!: FieldType;
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional({ type: [String], description: 'the choices of a select field' }) options?: string[];
}

export class FormAnswer {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [FormFieldAnswer] }) fields!: FormFieldAnswer[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() submissions!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSubmittedAt!: string | null;
}

export class FormListAnswer {
  @ApiProperty({ type: [FormAnswer] }) items!: FormAnswer[];
}

/** What the hosted page needs, for anyone. */
export class PublicFormAnswer {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [FormFieldAnswer] }) fields!: FormFieldAnswer[];
  @ApiProperty({ description: 'a hidden field left empty by people; a filled one is answered like a success and nothing is kept' })
  honeypotField!: string;
}

export class FormSubmittedAnswer {
  @ApiProperty() conversationId!: string;
}
