import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What every refusal and failure answers (DomainErrorFilter is the one place that writes it). */
export class ErrorBody {
  @ApiProperty({ example: 422 }) statusCode!: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error!: string;
  @ApiProperty({ description: 'a sentence for people: pages show it as it is' }) message!: string;
  @ApiPropertyOptional({ description: 'stable code of a business failure', example: 'CHANNEL.ADDRESS_TAKEN' }) code?: string;
  @ApiPropertyOptional({ description: 'the request field at fault' }) field?: string;
}
