/**
 * npm run build:miniapp — builds the Zalo Mini App front end (bots/zalo-mini-app/app) with Vite into
 * bots/zalo-mini-app/dist, talking to this deployment's PUBLIC_URL. Deploy that folder with zmp-cli
 * (README, "Zalo Mini App"). Tests call `buildMiniApp` with a fake Zalo bridge instead of zmp-sdk.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { build, type Plugin } from 'vite';
import { loadConfig } from '../../src/config/schema.js';

export const APP_DIR = fileURLToPath(new URL('./app/', import.meta.url));
export const DIST_DIR = fileURLToPath(new URL('./dist/', import.meta.url));
const BRIDGE = path.join(APP_DIR, 'src', 'zalo.ts');

export interface MiniAppBuild {
  /** Base URL of the quetma server the app calls (`<apiBase>/api/miniapp/...`). */
  readonly apiBase: string;
  readonly outDir?: string;
  /** A module to use instead of the zmp-sdk bridge (`src/zalo.ts`); tests pass a fake. */
  readonly bridge?: string;
}

/** Swaps the bridge module for another file wherever it is imported. */
function replaceBridge(replacement: string): Plugin {
  return {
    name: 'quetma-zalo-bridge',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && path.resolve(resolved.id) === BRIDGE ? replacement : null;
    },
  };
}

export async function buildMiniApp(opts: MiniAppBuild): Promise<string> {
  const outDir = opts.outDir ?? DIST_DIR;
  await build({
    configFile: false,
    root: APP_DIR,
    base: './',
    logLevel: 'warn',
    define: { __QUETMA_API__: JSON.stringify(opts.apiBase.replace(/\/+$/, '')) },
    plugins: opts.bridge ? [replaceBridge(path.resolve(opts.bridge))] : [],
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 1500 },
  });
  return outDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const config = loadConfig();
  const outDir = await buildMiniApp({ apiBase: config.publicUrl });
  process.stdout.write(`Mini App built into ${outDir} (API ${config.publicUrl})\n`);
}
