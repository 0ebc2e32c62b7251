import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What every refusal and failure answers (DomainErrorFilter is the one place that writes it). */
export class ErrorBody {
  @ApiProperty({ example: 422 }) statusCode!: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error!: string;
  @ApiProperty({ description: 'the reason in English, for logs and scripts; the web app words a refusal from its code, field and rule' }) message!: string;
  @ApiPropertyOptional({ description: 'stable code of a business failure', example: 'CHANNEL.ADDRESS_TAKEN' }) code?: string;
  @ApiPropertyOptional({ description: 'the request field at fault' }) field?: string;
  @ApiPropertyOptional({ description: 'the rule the input broke, for clients to word it (`required`, `too_long`, `is_email`…); values the sentence needs come beside it', example: 'too_long' })
  rule?: string;
}
