/** A batch result that fails only its own caller (the others of the batch still get theirs). */
export class ItemFailed {
  constructor(readonly error: unknown) {}
}

/**
 * Groups calls that arrive in the same event-loop turn into one batch call. Used on the webhook hot
 * path so many concurrent updates share one INSERT (one commit, one fsync) and one Redis round trip,
 * while each caller still gets its own result (or the batch's error) before it answers.
 */
export function microBatch<I, O>(flush: (items: I[]) => Promise<(O | ItemFailed)[]>, maxBatch = 500): (item: I) => Promise<O> {
  let pending: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;

  const run = () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    flush(batch.map((p) => p.item)).then(
      (results) =>
        batch.forEach((p, i) => {
          const r = results[i];
          if (r instanceof ItemFailed) p.reject(r.error);
          else p.resolve(r as O);
        }),
      (err: unknown) => batch.forEach((p) => p.reject(err)),
    );
  };

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (pending.length >= maxBatch) run();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(run);
      }
    });
}
