import { Global, Module } from '@nestjs/common';
import { EventSourcing } from './event-sourcing.service';

@Global()
@Module({ providers: [EventSourcing], exports: [EventSourcing] })
export class EventSourcingModule {}
