import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BulkOutcomeAnswer {
  @ApiProperty() id!: string;
  @ApiProperty({
    enum: ['done', 'unchanged', 'refused'],
    description: '`unchanged`: it already was so; `refused`: the action was not allowed on it (an id of another account is "not found")',
  })
  outcome!: 'done' | 'unchanged' | 'refused';
  @ApiPropertyOptional({ description: 'why it is unchanged or refused, in words' }) reason?: string;
}

export class BulkAnswer {
  @ApiProperty({ type: [BulkOutcomeAnswer], description: 'one per id, in the order of the request' }) results!: BulkOutcomeAnswer[];
}
