import { Controller, Get, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { READ_MODEL_DB } from '../event-store/event-store.module';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import { SubscriptionsService } from '../projections/subscriptions.service';
import { Public } from './access';
import { DiscoveryService } from '@nestjs/core';
import { RegisterHealthIndicator, type ComponentHealth, type HealthIndicator } from './health-indicator';
import { messageOf } from '../error-message';
import { isOperatorRequest } from './operator-request';
import { EventStoreHealthAnswer, HealthAnswer } from './health.answers';

/** `degraded`: everything is up, but events are parked (or about to be), so some things are not shown. */
export type HealthStatus = 'ok' | 'degraded' | 'down';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: SqliteDatabase,
    private readonly subscriptions: SubscriptionsService,
    private readonly discovery: DiscoveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      '200 `ok` or `degraded` (parked events) when the event store, read models and SMTP are up, else 503 `down`. Only `{status}`, ' +
      'except for operators (a local caller without X-Forwarded-For/Forwarded, or Authorization: Bearer <HEALTH_TOKEN>): components, positions, errors, parked counts',
  })
  @ApiOkResponse({ type: HealthAnswer, description: '`ok` or `degraded`' })
  @ApiServiceUnavailableResponse({ type: HealthAnswer, description: '`down`' })
  async health(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<HealthAnswer> {
    const eventStore = await this.checkEventStore();
    const readModels = this.checkReadModels();
    const subscriptions = await this.subscriptions.statuses().catch(() => []);
    const failing = subscriptions.filter((s) => s.state === 'retrying');
    if (failing.length > 0) readModels.error = failing.map((s) => `${s.name}: ${s.lastError}`).join('; ');
    // Failing on one event is bounded (it is parked soon); failing for the environment's sake is not.
    if (failing.some((s) => !s.failingOnEvent)) readModels.up = false;
    const parked = Object.fromEntries(subscriptions.filter((s) => s.parked > 0).map((s) => [s.name, s.parked]));
    const others: Record<string, ComponentHealth> = {};
    for (const indicator of this.indicators()) {
      others[indicator.healthName] = await Promise.resolve(indicator.health()).catch((error: unknown) => ({
        up: false,
        error: messageOf(error),
      }));
    }
    const up = eventStore.up && readModels.up && Object.values(others).every((component) => component.up);
    const status: HealthStatus = !up ? 'down' : failing.length > 0 || Object.keys(parked).length > 0 ? 'degraded' : 'ok';
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    if (!isOperatorRequest(req, this.config.healthToken)) return { status };
    return { status, eventStore, readModels, ...others, subscriptions, parked };
  }

  private indicators(): HealthIndicator[] {
    return this.discovery
      .getProviders({ metadataKey: RegisterHealthIndicator.KEY })
      .map((wrapper) => wrapper.instance as HealthIndicator | undefined)
      .filter((instance): instance is HealthIndicator => Boolean(instance));
  }

  private async checkEventStore(): Promise<EventStoreHealthAnswer> {
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
