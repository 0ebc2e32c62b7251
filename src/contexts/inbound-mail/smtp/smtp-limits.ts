/**
 * What one SMTP session may ask of the server (the per-address and total connection counts and the
 * bytes in flight are configuration: see SmtpLimits). Replies carry their RFC 3463 code in the
 * text because smtp-server's own enhanced codes are off.
 */
export interface UnknownRecipientLimits {
  /** Unknown recipients a session gets answered at once; each further one waits a step longer. */
  freePerSession: number;
  /** The unknown recipient that ends the session (421). */
  closeSessionAt: number;
  /** Unknown recipients one address gets within the window before every session of it is slowed and ended. */
  freePerIp: number;
  windowMs: number;
  stepMs: number;
  maxDelayMs: number;
}

export const SMTP_LIMITS = {
  /** RFC 5321 §4.5.3.1.8: a server must take at least 100 recipients of one message. */
  recipientsPerMessage: 100,
  /** Commands that deliver nothing (NOOP, RSET, EHLO, HELP, VRFY, …) between two accepted messages. */
  idleCommandsPerMessage: 20,
  /** However busy, a session ends at its next command after this long; the client reconnects. */
  sessionMs: 15 * 60_000,
  /** Silence from a client that owes us a command or message bytes (RFC 5321 §4.5.3.2 suggests 5 min). */
  idleMs: 60_000,
  /** A message must arrive in full within this; trickling bytes no longer keeps a session. */
  dataMs: 10 * 60_000,
  unknownRecipients: {
    freePerSession: 3,
    closeSessionAt: 6,
    freePerIp: 20,
    windowMs: 10 * 60_000,
    stepMs: 1_000,
    maxDelayMs: 5_000,
  } satisfies UnknownRecipientLimits,
};
