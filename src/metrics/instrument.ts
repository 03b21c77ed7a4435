import type { FaqService } from '../faq/service.js';
import type { PhotoDecoderPool } from '../qr-photo/decoder-pool.js';
import type { Metrics } from './metrics.js';

/** The FAQ service, counting each decision (answer, suggest, unknown) it takes. */
export function withFaqMetrics(faq: FaqService, metrics: Metrics): FaqService {
  return {
    ...faq,
    match(question) {
      const result = faq.match(question);
      metrics.faqDecisions.inc({ decision: result.decision });
      return result;
    },
  };
}

/** A photo decoder, timing each photo and whether it held a code. */
export function withPhotoMetrics(photos: PhotoDecoderPool, metrics: Metrics): PhotoDecoderPool {
  return {
    close: () => photos.close(),
    async decode(bytes) {
      const end = metrics.photoDecodeSeconds.startTimer();
      try {
        const photo = await photos.decode(bytes);
        end({ found: photo.texts.length > 0 ? 'yes' : 'no' });
        return photo;
      } catch (err) {
        end({ found: 'error' });
        throw err;
      }
    },
  };
}
