import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../../../shared/domain/event-schema';

// What the accounts, auth and users routes answer, as the OpenAPI document describes it.

export class OpenedAccountAnswer {
  @ApiProperty() accountId!: string;
  @ApiProperty() userId!: string;
}

export class AccountAnswer {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['trial', 'seats'] }) plan!: 'trial' | 'seats';
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone!: string;
  @ApiProperty({ example: 'de-DE' }) locale!: string;
}

/** The signed-in user. */
export class MeAnswer {
  @ApiProperty() userId!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: Role.options }) role!: Role;
}

export class UserAnswer {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: Role.options }) role!: Role;
  @ApiProperty({ description: 'false once deactivated: the user cannot sign in' }) active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UserListAnswer {
  @ApiProperty({ type: [UserAnswer] }) items!: UserAnswer[];
}
