import { OneSender } from './one-sender';

describe('one sending pass at a time', () => {
  it('runs one more pass after the current one for calls made during it, never two at once', async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    let release = () => {};
    const sender = new OneSender('test.lock', async () => {
      passes += 1;
      running += 1;
      most = Math.max(most, running);
      if (passes === 1) await new Promise<void>((resolve) => (release = resolve));
      running -= 1;
    });

    const first = sender.run();
    // Three calls while the first pass waits: one pass after it covers them all.
    await Promise.all([sender.run(), sender.run(), sender.run()]);
    release();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect({ passes, most }).toEqual({ passes: 2, most: 1 });
  });

  it('is free again after a pass that failed', async () => {
    let passes = 0;
    const sender = new OneSender('test.lock', () => {
      passes += 1;
      return passes === 1 ? Promise.reject(new Error('no connection')) : Promise.resolve();
    });
    await expect(sender.run()).rejects.toThrow('no connection');
    await sender.run();
    expect(passes).toBe(2);
  });
});
