import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// What GET /api/health answers, as the OpenAPI document describes it.

export class ComponentHealthAnswer {
  @ApiProperty() up!: boolean;
  @ApiPropertyOptional() error?: string;
  [detail: string]: unknown;
}

export class EventStoreHealthAnswer extends ComponentHealthAnswer {
  @ApiProperty({ type: String, nullable: true, description: 'position of the newest event' }) head!: string | null;
}

export class SubscriptionStatusAnswer {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['projection', 'process-manager'] }) kind!: 'projection' | 'process-manager';
  @ApiProperty({ enum: ['starting', 'catching-up', 'live', 'retrying', 'stopped'] }) state!: 'starting' | 'catching-up' | 'live' | 'retrying' | 'stopped';
  @ApiProperty() checkpoint!: string;
  @ApiProperty({ type: String, nullable: true }) head!: string | null;
  @ApiProperty() caughtUp!: boolean;
  @ApiProperty({ type: Number, nullable: true }) eventsBehind!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ description: 'retrying an event that fails on its own (it is parked soon), not failing for the environment' }) failingOnEvent!: boolean;
  @ApiProperty() parked!: number;
}

/** `degraded`: everything is up, but events are parked (or about to be), so some things are not shown. */
export class HealthAnswer {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] }) status!: 'ok' | 'degraded' | 'down';
  @ApiPropertyOptional({ type: EventStoreHealthAnswer, description: 'operators only, as the rest' }) eventStore?: EventStoreHealthAnswer;
  @ApiPropertyOptional({ type: ComponentHealthAnswer }) readModels?: ComponentHealthAnswer;
  @ApiPropertyOptional({ type: [SubscriptionStatusAnswer] }) subscriptions?: SubscriptionStatusAnswer[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' }, description: 'parked events per subscription that has any' })
  parked?: Record<string, number>;
  /** Other components (smtp, storage…), each a ComponentHealthAnswer. */
  [component: string]: unknown;
}
