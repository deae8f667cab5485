import { PasswordHashingBusyException, PasswordHashingQueue } from './password-hasher';

/** Work that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('PasswordHashingQueue', () => {
  it('runs at most `concurrency` hashes at once, the others in order as workers free up', async () => {
    const queue = new PasswordHashingQueue(2, 10);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const gates = Array.from({ length: 5 }, gate);
    const all = gates.map((g, i) =>
      queue.run(async () => {
        running++;
        most = Math.max(most, running);
        order.push(i);
        await g.opened;
        running--;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([0, 1]);
    for (const g of gates) g.open();
    await Promise.all(all);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses with a 503 and Retry-After once running and waiting are full, and takes more once places are given back', async () => {
    const queue = new PasswordHashingQueue(1, 2);
    const tickets = [queue.admit(), queue.admit(), queue.admit()];
    let refused: unknown;
    try {
      queue.admit();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(PasswordHashingBusyException);
    expect(refused).toMatchObject({
      status: 503,
      code: 'auth.busy',
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matcher is typed any
      extensions: { retryAfterSeconds: expect.any(Number) },
    });
    tickets[0].release();
    tickets[0].release(); // a second release gives nothing back twice
    const fourth = queue.admit();
    expect(() => queue.admit()).toThrow(PasswordHashingBusyException);
    await fourth.run(async () => undefined);
    expect(() => queue.admit().release()).not.toThrow();
  });

  it('gives the worker back when the work fails', async () => {
    const queue = new PasswordHashingQueue(1, 0);
    await expect(queue.run(async () => Promise.reject(new Error('argon2 failed')))).rejects.toThrow('argon2 failed');
    await expect(queue.run(async () => 'next')).resolves.toBe('next');
  });
});
