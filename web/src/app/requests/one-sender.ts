/**
 * Runs a queue's sending one pass at a time: in this page (a call during a pass runs one
 * more pass after it, for what was queued meanwhile) and across the browser's tabs (a Web
 * Lock), so no two tabs send the same waiting item at once.
 */
export class OneSender {
  private running = false;
  private runAgain = false;

  constructor(
    private readonly lockName: string,
    private readonly pass: () => Promise<void>,
  ) {}

  async run(): Promise<void> {
    if (this.running) {
      this.runAgain = true;
      return;
    }
    this.running = true;
    try {
      const locks = globalThis.navigator?.locks;
      await (locks ? locks.request(this.lockName, this.pass) : this.pass());
    } finally {
      this.running = false;
    }
    if (this.runAgain) {
      this.runAgain = false;
      void this.run();
    }
  }
}
