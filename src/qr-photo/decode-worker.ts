import { parentPort } from 'node:worker_threads';
import { PhotoError } from '../checkin/resolver.js';
import { decodeQrTexts, type DecodeLimits } from './decode.js';

/** One decode request and its answer, as exchanged with the pool. */
export interface DecodeRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly limits: DecodeLimits;
}
export type DecodeResponse =
  | { readonly id: number; readonly ok: true; readonly texts: string[]; readonly unconfirmed: number }
  | { readonly id: number; readonly ok: false; readonly photoError?: PhotoError['kind']; readonly message: string };

parentPort?.on('message', (req: DecodeRequest) => {
  const stats: { withheld?: string[] } = {};
  decodeQrTexts(req.bytes, req.limits, stats).then(
    (texts) => parentPort!.postMessage({ id: req.id, ok: true, texts, unconfirmed: stats.withheld?.length ?? 0 } satisfies DecodeResponse),
    (err: unknown) =>
      parentPort!.postMessage({ id: req.id, ok: false, message: err instanceof Error ? err.message : String(err), ...(err instanceof PhotoError ? { photoError: err.kind } : {}) } satisfies DecodeResponse),
  );
});
parentPort?.postMessage({ ready: true });
