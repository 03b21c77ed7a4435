import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PhotoError, type DecodedPhoto } from '../checkin/resolver.js';
import { DEFAULT_LIMITS } from './decode.js';
import type { DecodeRequest, DecodeResponse } from './decode-worker.js';

export interface PhotoDecoderOptions {
  /** Worker threads; default: one less than the cores (at least one), so webhooks keep a core. */
  readonly threads?: number;
  /** Per photo, from the moment a worker takes it (issue 5: 5 s). */
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxPixels?: number;
  /** See `DecodeLimits.ownCodePrefix`: our code links, trusted from one reading as their signature is checked. */
  readonly ownCodePrefix?: string;
}

export interface PhotoDecoderPool {
  decode(bytes: Uint8Array): Promise<DecodedPhoto>;
  close(): Promise<void>;
}

interface Job {
  readonly bytes: Uint8Array;
  resolve(photo: DecodedPhoto): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded the decoder; until then its photo's clock has not started. */
  ready: boolean;
  onReady?: () => void;
  job?: { id: number; job: Job; timer?: NodeJS.Timeout };
}

/**
 * QR decoding off the event loop: a fixed pool of worker threads started lazily on the first
 * photo, a FIFO queue when all are busy, and a hard per-photo timeout that terminates a stuck
 * worker and starts a fresh one. A crashed worker fails only its own photo.
 */
export function createPhotoDecoder(opts: PhotoDecoderOptions = {}): PhotoDecoderPool {
  const threads = opts.threads ?? Math.max(1, availableParallelism() - 1);
  const timeoutMs = opts.timeoutMs ?? 5000;
  const limits = { maxBytes: opts.maxBytes ?? DEFAULT_LIMITS.maxBytes, maxPixels: opts.maxPixels ?? DEFAULT_LIMITS.maxPixels, ...(opts.ownCodePrefix ? { ownCodePrefix: opts.ownCodePrefix } : {}) };
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(new URL('./worker-entry.mjs', import.meta.url)), ready: false };
    slot.worker.on('message', (msg: DecodeResponse | { ready: true }) => {
      if (!('id' in msg)) {
        slot.ready = true;
        slot.onReady?.();
        slot.onReady = undefined;
        return;
      }
      if (!slot.job || slot.job.id !== msg.id) return;
      const { job, timer } = slot.job;
      clearTimeout(timer);
      slot.job = undefined;
      if (msg.ok) job.resolve({ texts: msg.texts, unconfirmed: msg.unconfirmed });
      else job.reject(msg.photoError ? new PhotoError(msg.photoError, msg.message) : new Error(`photo decoding failed: ${msg.message}`));
      pump();
    });
    const fail = (why: string) => {
      const current = slot.job;
      slot.job = undefined;
      if (current) {
        clearTimeout(current.timer);
        current.job.reject(new Error(`photo decoder worker ${why}`));
      }
      replace(slot);
    };
    slot.worker.on('error', (err) => fail(`crashed: ${err.message}`));
    slot.worker.on('exit', (code) => {
      if (!closed && code !== 0) fail(`exited with ${code}`);
    });
    return slot;
  };

  const replace = (slot: Slot) => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    void slot.worker.terminate().catch(() => {});
    if (!closed) pump();
  };

  const pump = () => {
    while (queue.length > 0) {
      let slot = slots.find((s) => !s.job);
      if (!slot && slots.length < threads) {
        slot = spawn();
        slots.push(slot);
      }
      if (!slot) return;
      const job = queue.shift()!;
      const id = nextId++;
      const current = slot;
      current.job = { id, job };
      // The photo's clock starts when the worker can decode: a cold start (loading the TypeScript
      // loader and the WebAssembly reader, seconds on a busy machine) is not the photo's fault.
      const start = () => {
        if (current.job?.id !== id) return;
        current.job.timer = setTimeout(() => {
          if (current.job?.id !== id) return;
          current.job = undefined;
          job.reject(new PhotoError('timeout', `no answer within ${timeoutMs} ms`));
          replace(current);
        }, timeoutMs);
        const req: DecodeRequest = { id, bytes: job.bytes, limits: { ...limits, deadline: Date.now() + timeoutMs - 300 } };
        current.worker.postMessage(req);
      };
      if (current.ready) start();
      else current.onReady = start;
    }
  };

  return {
    decode(bytes) {
      if (closed) return Promise.reject(new Error('photo decoder is closed'));
      // Size is checked here too, so an oversized file is never copied to a worker.
      if (bytes.byteLength > limits.maxBytes) return Promise.reject(new PhotoError('too-large', `file of ${bytes.byteLength} bytes`));
      return new Promise((resolve, reject) => {
        queue.push({ bytes, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('photo decoder is closed'));
      await Promise.all(slots.splice(0).map(async (s) => {
        if (s.job) {
          clearTimeout(s.job.timer);
          s.job.job.reject(new Error('photo decoder is closed'));
        }
        await s.worker.terminate().catch(() => {});
      }));
    },
  };
}
