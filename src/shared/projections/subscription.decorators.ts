import { DiscoveryService } from '@nestjs/core';

/** Marks a provider implementing `ProcessManager` so the subscriptions service runs it. */
export const RegisterProcessManager = DiscoveryService.createDecorator<void>();
