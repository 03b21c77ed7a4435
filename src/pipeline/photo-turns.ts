/**
 * A cap on how many photo turns an inbound worker runs at once. A photo turn waits for the decoder
 * pool (seconds on a large or hard photo) while holding one of the worker's concurrency slots; with
 * no cap, a burst of photos (a queue at a market gate) fills every slot and other chats' text turns
 * wait behind them. Past the cap a photo turn goes back to the queue for a moment (it stays in its
 * chat's order), so at least half of the slots are always free for text.
 */
export class PhotoTurns {
  private running = 0;

  constructor(readonly limit: number) {}

  /** Takes a slot if one is free; the caller must `release` it when the turn ends. */
  tryAcquire(): boolean {
    if (this.running >= this.limit) return false;
    this.running++;
    return true;
  }

  release(): void {
    this.running = Math.max(0, this.running - 1);
  }

  /** At most half the inbound worker's slots (at least one). */
  static forConcurrency(concurrency: number): PhotoTurns {
    return new PhotoTurns(Math.max(1, Math.floor(concurrency / 2)));
  }
}
