import { ByteBudget } from './byte-budget';

describe('ByteBudget', () => {
  it('admits while the bytes fit and queues the rest in order', async () => {
    const budget = new ByteBudget(100);
    const first = await budget.acquire(60);
    const admitted: string[] = [];
    const second = budget.acquire(60).then((release) => (admitted.push('second'), release));
    const third = budget.acquire(10).then((release) => (admitted.push('third'), release));
    await Promise.resolve();
    expect(admitted).toEqual([]);
    expect(budget.queued).toBe(2);
    first();
    (await second)();
    (await third)();
    expect(admitted).toEqual(['second', 'third']);
    expect(budget.bytesInFlight).toBe(0);
  });

  it('lets a message larger than the budget in alone', async () => {
    const budget = new ByteBudget(10);
    const big = await budget.acquire(50);
    let small = false;
    const next = budget.acquire(1).then((release) => ((small = true), release));
    await Promise.resolve();
    expect(small).toBe(false);
    big();
    big();
    (await next)();
    expect(budget.bytesInFlight).toBe(0);
  });
});
