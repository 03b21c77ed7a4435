// Worker bootstrap: the service runs TypeScript through tsx (and tests through vitest), but a worker
// thread starts as plain Node, so it registers tsx's loader before importing the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./decode-worker.ts');
