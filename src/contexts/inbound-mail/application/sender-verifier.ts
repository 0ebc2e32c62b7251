import { Inject, Injectable, Logger } from '@nestjs/common';
import { authenticate, type AuthenticateResult } from 'mailauth';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { DNS_RESOLVER, type DnsResolver } from '../../../shared/dns/dns-resolver';
import { messageOf } from '../../../shared/error-message';
import {
  authenticationHeaderCount,
  MAX_AUTHENTICATION_HEADERS,
  senderAuthenticationOf,
  type AuthenticationChecks,
  type SenderAuthentication,
} from '../domain/sender-authentication';

/** Who handed the mail over: the SMTP session's client, for SPF. HTTP intake has none (SPF is then `none`). */
export interface SmtpClient {
  ip: string;
  helo: string | null;
  /** The envelope sender (MAIL FROM); empty for bounces. */
  mailFrom: string | null;
}

/**
 * SPF, DKIM, DMARC and ARC of one inbound mail (mailauth), asked through the app's DNS resolver.
 * It never throws and never takes longer than SENDER_VERIFICATION_TIMEOUT_MS: DNS that does not answer
 * in time gives a temperror verdict, and intake (and SMTP's 250) goes on.
 */
@Injectable()
export class SenderVerifier {
  private readonly logger = new Logger('SenderVerifier');

  constructor(
    @Inject(DNS_RESOLVER) private readonly resolver: DnsResolver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async verify(raw: Buffer, client: SmtpClient | null): Promise<SenderAuthentication> {
    // The checks go on after a timeout (they cannot be cancelled): bound the work before it starts.
    const headers = authenticationHeaderCount(raw);
    if (headers > MAX_AUTHENTICATION_HEADERS) {
      return { ...unanswered(`the mail carries ${headers} signatures and seals, more than the ${MAX_AUTHENTICATION_HEADERS} checked`), spf: 'none', dkim: 'none', dmarc: 'none', arc: 'none' };
    }
    const { timeoutMs, trustedArcSealers } = this.config.senderVerification;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
      timer.unref();
    });
    try {
      const result = await Promise.race([this.check(raw, client), timedOut]);
      if (result === 'timeout') return unanswered(`DNS did not answer within ${timeoutMs} ms; try again later`);
      return senderAuthenticationOf(result, trustedArcSealers);
    } catch (error) {
      this.logger.warn(`could not verify a sender: ${messageOf(error)}`);
      return unanswered(`the checks could not run: ${messageOf(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private async check(raw: Buffer, client: SmtpClient | null): Promise<AuthenticationChecks> {
    const result = await authenticate(raw, {
      resolver: this.resolver as never,
      ip: client?.ip,
      helo: client?.helo ?? undefined,
      sender: client?.mailFrom || undefined,
      mta: this.config.inboxDomain,
      disableBimi: true,
    });
    return checksOf(result, client !== null);
  }
}

function checksOf(result: AuthenticateResult, withClient: boolean): AuthenticationChecks {
  const from = result.dkim.headerFrom?.[0] ?? null;
  const fromDomain = from && from.includes('@') ? from.split('@').pop()!.toLowerCase() : null;
  const arc = result.arc || null;
  const original = (arc?.authenticationResults as { dmarc?: { result?: string } } | undefined)?.dmarc?.result ?? null;
  return {
    fromDomain,
    spf: withClient && result.spf ? { result: result.spf.status.result, domain: result.spf.domain } : null,
    // An unsigned mail comes back as one result without a domain ("message not signed"): no signature.
    dkim: (result.dkim.results ?? []).filter((sig) => sig.signingDomain).map((sig) => ({
      result: sig.status.result,
      domain: sig.signingDomain ?? '',
      aligned: Boolean(sig.status.aligned),
      comment: sig.status.comment ?? null,
    })),
    dmarc: result.dmarc ? { result: result.dmarc.status.result, policy: result.dmarc.policy ?? null } : null,
    arc: arc ? { result: arc.status.result, sealer: (arc.signature && arc.signature.signingDomain) || null, originalDmarc: original } : null,
  };
}

function unanswered(reason: string): SenderAuthentication {
  return { verdict: 'unverified', spf: 'temperror', dkim: 'temperror', dmarc: 'temperror', arc: 'temperror', dmarcPolicy: null, reason };
}
