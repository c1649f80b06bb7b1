// The renderer's own font files, served over HTTP for Chromium, so that both print the same
// letter in the same fonts (the machine itself may have no CJK or Arabic font at all).
import { fileFor, fontChain, fontFaces, type FontFace } from '@app/pdf/fonts/font-families';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export interface FontServer {
  /** @font-face rules for every family of the chain and every face it has. */
  css: string;
  /** CSS font-family list in the chain's order. */
  families: string;
  close(): Promise<void>;
}

const weight = (face: FontFace) => (face === 'bold' || face === 'boldItalic' ? 700 : 400);
const style = (face: FontFace) =>
  face === 'italic' || face === 'boldItalic' ? 'italic' : 'normal';

export async function startFontServer(): Promise<FontServer> {
  const files = new Map<string, Buffer>();
  const rules: string[] = [];
  for (const family of fontChain) {
    for (const face of fontFaces) {
      const file = fileFor(family, face);
      // A face the family lacks falls back the way the renderer does (italic → upright).
      const path = `/${family.id}/${file}`;
      if (!files.has(path)) {
        files.set(path, readFileSync(require.resolve(`${family.packageName}/${file}`)));
      }
      rules.push(
        `@font-face { font-family: '${family.id}'; font-weight: ${weight(face)}; font-style: ${style(face)}; src: url(PATH${path}) format('truetype'); }`,
      );
    }
  }
  const server = createServer((request, response) => {
    const body = files.get(request.url ?? '');
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    // Cacheable, so that after the warm-up a page finds the fonts in the browser's cache.
    response
      .writeHead(200, {
        'Content-Type': 'font/ttf',
        'Cache-Control': 'public, max-age=3600',
        'Access-Control-Allow-Origin': '*',
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    css: rules.map((rule) => rule.replace('PATH', `http://127.0.0.1:${port}`)).join('\n'),
    families: fontChain.map((family) => `'${family.id}'`).join(', '),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
