import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { SAVED_REPLY_BODY_MAX, SAVED_REPLY_NAME_MAX } from '../domain/saved-reply.decider';

// Only bounds here; the rules (lengths after trimming, variables, unique names) are the decider's.
const NAME_BOUND = 1_000;
const BODY_BOUND = SAVED_REPLY_BODY_MAX * 2;

export class CreateSavedReplyDto {
  @ApiProperty({ example: 'Refund on its way', description: `1 to ${SAVED_REPLY_NAME_MAX} characters, unique in the account (case-insensitive)` })
  @IsString()
  @MaxLength(NAME_BOUND, { message: `name must be at most ${SAVED_REPLY_NAME_MAX} characters` })
  name!: string;

  @ApiProperty({ description: `at most ${SAVED_REPLY_BODY_MAX} characters; variables as {{contact.name}}` })
  @IsString()
  @MaxLength(BODY_BOUND, { message: `body must be at most ${SAVED_REPLY_BODY_MAX} characters` })
  body!: string;
}

export class ChangeSavedReplyDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(NAME_BOUND, { message: `name must be at most ${SAVED_REPLY_NAME_MAX} characters` })
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(BODY_BOUND, { message: `body must be at most ${SAVED_REPLY_BODY_MAX} characters` })
  body?: string;
}
