import { DiscoveryService } from '@nestjs/core';

export interface ComponentHealth {
  up: boolean;
  error?: string;
  [detail: string]: unknown;
}

/** A part of the app whose being up is part of /api/health (the SMTP server, say). */
export interface HealthIndicator {
  readonly healthName: string;
  health(): ComponentHealth | Promise<ComponentHealth>;
}

export const RegisterHealthIndicator = DiscoveryService.createDecorator<void>();
