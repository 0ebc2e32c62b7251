import { SessionBudget } from './session-budget';

describe('SessionBudget', () => {
  const limits = { idleCommandsPerMessage: 3, sessionMs: 60_000 };

  it('answers idle commands up to the budget, then ends the session', () => {
    const budget = new SessionBudget(0, limits);
    expect(['EHLO', 'RSET', 'NOOP'].map((command) => budget.take(command, 1))).toEqual([null, null, null]);
    expect(budget.take('EHLO', 1)).toMatch(/^4\.7\.0 Too many commands/);
  });

  it('does not count commands that move mail, and a delivered message renews the budget', () => {
    const budget = new SessionBudget(0, limits);
    for (let i = 0; i < 50; i++) expect(budget.take(i % 2 ? 'MAIL' : 'RCPT', 1)).toBeNull();
    for (let i = 0; i < 3; i++) budget.take('RSET', 1);
    budget.delivered();
    expect(budget.take('RSET', 1)).toBeNull();
  });

  it('ends a session at its first command past its time, whatever the command', () => {
    const budget = new SessionBudget(1_000, limits);
    expect(budget.take('MAIL', 61_000)).toBeNull();
    expect(budget.take('MAIL', 61_001)).toMatch(/^4\.4\.2 Session time is up/);
  });
});
