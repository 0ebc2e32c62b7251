import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { READ_MODEL_DB } from '../event-store/event-store.module';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import { SubscriptionsService } from '../projections/subscriptions.service';
import type { SubscriptionStatus } from '../projections/subscription-status';
import { Public } from './access';
import { DiscoveryService } from '@nestjs/core';
import { RegisterHealthIndicator, type ComponentHealth, type HealthIndicator } from './health-indicator';
import { messageOf } from '../error-message';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  eventStore: ComponentHealth & { head: string | null };
  readModels: ComponentHealth;
  subscriptions: SubscriptionStatus[];
  [component: string]: unknown;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: SqliteDatabase,
    private readonly subscriptions: SubscriptionsService,
    private readonly discovery: DiscoveryService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '200 when the event store and read models are up; projection lag per subscription' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const eventStore = await this.checkEventStore();
    const readModels = this.checkReadModels();
    const subscriptions = await this.subscriptions.statuses().catch(() => []);
    const failing = subscriptions.filter((s) => s.state === 'retrying');
    if (failing.length > 0) {
      readModels.up = false;
      readModels.error = failing.map((s) => `${s.name}: ${s.lastError}`).join('; ');
    }
    const others: Record<string, ComponentHealth> = {};
    for (const indicator of this.indicators()) {
      others[indicator.healthName] = await Promise.resolve(indicator.health()).catch((error: unknown) => ({
        up: false,
        error: messageOf(error),
      }));
    }
    const up = eventStore.up && readModels.up && Object.values(others).every((component) => component.up);
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: up ? 'ok' : 'unavailable', eventStore, readModels, ...others, subscriptions };
  }

  private indicators(): HealthIndicator[] {
    return this.discovery
      .getProviders({ metadataKey: RegisterHealthIndicator.KEY })
      .map((wrapper) => wrapper.instance as HealthIndicator | undefined)
      .filter((instance): instance is HealthIndicator => Boolean(instance));
  }

  private async checkEventStore(): Promise<HealthReport['eventStore']> {
    try {
      const head = await this.store.headPosition();
      return { up: true, head: head === null ? null : head.toString() };
    } catch (error) {
      return { up: false, head: null, error: messageOf(error) };
    }
  }

  private checkReadModels(): ComponentHealth {
    try {
      this.readModels.prepare('SELECT 1').get();
      return { up: true };
    } catch (error) {
      return { up: false, error: messageOf(error) };
    }
  }
}
