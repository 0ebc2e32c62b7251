import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import { FIELD_TYPES, type FieldType } from '../domain/form.decider';

export class FormFieldDto {
  @ApiProperty({ example: 'email', description: 'lowercase letters, digits, underscores; starts with a letter' }) @IsString() name!: string;
  @ApiProperty({ example: 'Your email' }) @IsString() label!: string;
  @ApiProperty({ enum: FIELD_TYPES }) @IsIn(FIELD_TYPES, { message: `type must be one of ${FIELD_TYPES.join(', ')}` }) type!: FieldType;
  @ApiProperty() @IsBoolean() required!: boolean;
  @ApiPropertyOptional({ type: [String], description: 'the choices of a select field' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  options?: string[];
}

export class CreateFormDto {
  @ApiProperty({ example: 'Contact us' }) @IsString() name!: string;
  @ApiProperty({ type: [FormFieldDto], description: 'exactly one field of type email, required' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => FormFieldDto)
  fields!: FormFieldDto[];
}

export class ChangeFormDto {
  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional({ type: [FormFieldDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => FormFieldDto)
  fields?: FormFieldDto[];
}
