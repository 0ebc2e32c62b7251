import type { SMTPServer } from 'smtp-server';
import { SMTP_LIMITS } from './smtp-limits';

type SmtpConnection = SMTPServer['connections'] extends Set<infer Connection> ? Connection : never;

/**
 * Commands a client may send at any time that move no mail: alone, they only hold a session open.
 * A greeting counts too (a client greets once, and again after STARTTLS), or EHLO would do as NOOP.
 */
const IDLE_COMMANDS = new Set(['NOOP', 'RSET', 'HELP', 'VRFY', 'EXPN', 'ETRN', 'HELO', 'EHLO', 'LHLO']);

/**
 * How much of a session is left: idle commands between accepted messages, and its age. The idle
 * timeout alone does not end a session that sends NOOP every 59 seconds.
 */
export class SessionBudget {
  private idleCommands = 0;

  constructor(
    private readonly startedAt: number,
    private readonly limits: { idleCommandsPerMessage: number; sessionMs: number } = SMTP_LIMITS,
  ) {}

  /** Why the session ends instead of answering `command`, or null to answer it. */
  take(command: string, now: number): string | null {
    if (now - this.startedAt > this.limits.sessionMs) return '4.4.2 Session time is up, reconnect to go on';
    if (!IDLE_COMMANDS.has(command)) return null;
    this.idleCommands += 1;
    return this.idleCommands > this.limits.idleCommandsPerMessage ? '4.7.0 Too many commands without a message, closing' : null;
  }

  /** A message was accepted: the client is doing what the session is for. */
  delivered(): void {
    this.idleCommands = 0;
  }
}

/**
 * Puts `budget` in front of every command of `connection`. smtp-server has no hook for commands
 * such as NOOP and RSET, so this wraps the one method every command line goes through.
 */
export function enforceBudget(connection: SmtpConnection, budget: SessionBudget, now: () => number = Date.now): void {
  const onCommand = connection._onCommand.bind(connection);
  connection._onCommand = (command, callback) => {
    const name = command.toString('latin1', 0, Math.min(command.length, 16)).split(' ')[0].toUpperCase();
    const refusal = budget.take(name, now());
    // A 421 closes the connection (smtp-server ends the socket after sending it).
    if (refusal) return connection.send(421, refusal);
    onCommand(command, callback);
  };
}

/** The connection object of a session (smtp-server's hooks are handed only the session). */
export function connectionOf(server: SMTPServer, sessionId: string): SmtpConnection | undefined {
  for (const connection of server.connections) if (connection.id === sessionId) return connection;
  return undefined;
}
