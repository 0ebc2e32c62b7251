import { Global, Inject, Injectable, Logger, Module, type BeforeApplicationShutdown, type MessageEvent } from '@nestjs/common';
import type { Response } from 'express';
import { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../event-store/event-store.port';
import { SubscriptionsService } from '../projections/subscriptions.service';
import { LiveLog, type LiveOutcome } from './live-log';
import { DEFAULT_STREAM_LIMITS, StreamCaps, type StreamOwner } from './stream-caps';

/**
 * Characters of events that may wait for a client that does not read them before its stream is
 * dropped (an EventSource reconnects). An event is about a hundred characters: this is hundreds of them,
 * instead of Nest's default 4 MB per stream.
 */
export const LIVE_MAX_PENDING = 64 * 1024;

/** Every stream's validity (session expiry, chat switched off) is checked this often. */
const SWEEP_MS = 30_000;

export interface LiveStreamSpec {
  /** Whom the stream counts against (see StreamCaps). */
  owner: StreamOwner;
  /** The ids it follows (see liveTopic). */
  topics: readonly string[];
  pick(event: RecordedEvent): LiveOutcome;
  stillValid?(): boolean;
  /**
   * Runs while the stream is open, with a way to send the client messages that are not events of
   * the log (presence); returns what to do when it ends.
   */
  whileOpen?(send: (message: MessageEvent) => void): () => void;
}

/** Opens server-sent event streams fed by the process's one reader of the log, within the caps. */
@Injectable()
export class LiveStreams implements BeforeApplicationShutdown {
  private readonly logger = new Logger('LiveStreams');
  readonly log: LiveLog;
  readonly caps: StreamCaps;

  constructor(@Inject(EVENT_STORE) store: EventStore, subscriptions: SubscriptionsService, @Inject(APP_CONFIG) config: AppConfig) {
    this.caps = new StreamCaps({ ...DEFAULT_STREAM_LIMITS, perAddress: config.streamsPerAddress });
    this.log = new LiveLog(store, (position) => subscriptions.waitForProjections(position), { sweepMs: SWEEP_MS, logger: this.logger });
  }

  /**
   * Admits the stream or throws TooManyStreams (answered 429 before anything is sent). Its slots
   * are freed when the response closes, however that happens: a client can leave before the
   * stream is even subscribed. Opens with a `ready` event once the log is followed.
   */
  open(spec: LiveStreamSpec, response: Response): Observable<MessageEvent> {
    const release = this.caps.admit(spec.owner);
    response.once('close', release);
    return new Observable<MessageEvent>((subscriber) => {
      const left = spec.whileOpen?.((message) => subscriber.closed || subscriber.next(message)) ?? (() => undefined);
      const membership = this.log.join({
        topics: spec.topics,
        pick: spec.pick,
        stillValid: spec.stillValid,
        send: (message) => subscriber.next(message),
        end: () => subscriber.complete(),
      });
      membership.ready.then(
        () => subscriber.closed || subscriber.next({ type: 'ready', data: {} }),
        (error: unknown) => subscriber.error(error),
      );
      return () => {
        membership.leave();
        left();
        release();
      };
    });
  }

  /** Before the HTTP server closes, which would otherwise wait for every open stream. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.log.stop();
  }
}

@Global()
@Module({ providers: [LiveStreams], exports: [LiveStreams] })
export class LiveStreamsModule {}
