import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

// The API the dev server forwards to (`npm start` listens on PORT, 3000 by default).
const api = `http://localhost:${process.env.API_PORT ?? process.env.PORT ?? '3000'}`;

export default defineConfig({
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
