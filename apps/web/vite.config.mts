import { defineConfig, type Plugin } from 'vite';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const here = fileURLToPath(new URL('.', import.meta.url));

// The API the dev server forwards to (`npm start` listens on PORT, 3000 by default).
const api = `http://localhost:${process.env.API_PORT ?? process.env.PORT ?? '3000'}`;

/**
 * Writes `<file>.br` and `<file>.gz` beside each text asset of the build, at the highest
 * levels (brotli 11, gzip 9): the API serves them with Content-Encoding to the browsers that
 * accept it (apps/api/src/web/web-app.ts). Compressing once here, not at every response,
 * costs the server no CPU and gets the smallest files; and no compression middleware sits
 * in front of the API (its event streams must never be buffered by one). Files under 1 KB
 * are left alone: compression would save less than a packet.
 */
function precompress(): Plugin {
  const zip = promisify(gzip);
  const brotli = promisify(brotliCompress);
  let outDir = '';
  return {
    name: 'signatory-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const writes = Object.values(bundle)
        .filter((file) => /\.(js|mjs|css|svg|json|txt|map)$/.test(file.fileName))
        .map(async (file) => {
          const body = Buffer.from(file.type === 'chunk' ? file.code : file.source);
          if (body.length < 1024) return;
          const path = join(outDir, file.fileName);
          const [gz, br] = await Promise.all([
            zip(body, { level: 9 }),
            brotli(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 11,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
          ]);
          await Promise.all([writeFile(`${path}.gz`, gz), writeFile(`${path}.br`, br)]);
        });
      await Promise.all(writes);
    },
  };
}

export default defineConfig({
  plugins: [precompress()],
  root: here,
  // JSX through Vite's own transformer (oxc), React's automatic runtime: no plugin needed.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    // The API serves dist/web (apps/api/src/web); `npm run build` puts the API in dist/ too.
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Nothing inlined as data: URIs but images; no inline script either way (CSP script-src 'self').
    assetsInlineLimit: 0,
    rollupOptions: {
      // The timings warning names precompress() (about 14 s of a 15 s build on two busy
      // cores, brotli 11 of pdf.js's 1.2 MB worker mostly): known and paid once per build.
      checks: { bundlerTimings: false },
      // TanStack Query marks its files "use client" for React Server Components; a
      // single-page app has no server components, so the directive means nothing here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/health': api,
    },
  },
});
