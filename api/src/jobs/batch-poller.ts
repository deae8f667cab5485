/**
 * The loop of an outbox worker: every period, one pass that runs `batch` again while it
 * finds work (it answers how many items it took), never two passes at once; `stop()` ends
 * the loop and waits for a pass in flight. A failed pass is reported and the next period
 * tries again.
 */
export class BatchPoller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private ended = false;

  constructor(
    private readonly batch: () => Promise<number>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Set once stop() was called: a batch in progress stops taking new items. */
  get stopped(): boolean {
    return this.ended;
  }

  start(everyMs: number): void {
    this.timer = setInterval(() => void this.tick(), everyMs);
  }

  async stop(): Promise<void> {
    this.ended = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass: everything due now, batch after batch. */
  tick(): Promise<void> {
    if (this.running || this.ended) return this.running ?? Promise.resolve();
    this.running = (async () => {
      try {
        while (!this.ended && (await this.batch()) > 0);
      } catch (error) {
        this.onError(error);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
