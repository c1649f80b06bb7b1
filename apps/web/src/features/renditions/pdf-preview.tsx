import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
// The worker as a file of this origin (/assets/…), so the CSP's script-src 'self' covers it
// (worker-src falls back to it): no blob: URL, no other origin.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { fileHref } from './rendition-text';

GlobalWorkerOptions.workerSrc = workerUrl;

/** How many pages the preview draws. */
export const PREVIEW_PAGES = 2;

/**
 * The first pages of a finished PDF drawn with pdf.js into canvases, before downloading.
 * Loaded lazily (this module is its own chunk, with pdf.js). `isEvalSupported: false`: no
 * `new Function` for fonts, which the CSP (no 'unsafe-eval') would refuse anyway.
 */
export default function PdfPreview({
  rid,
  addressee,
  pages,
}: {
  rid: string;
  addressee: number | null;
  pages: number;
}) {
  const shown = Math.min(PREVIEW_PAGES, pages);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    let pdf: PDFDocumentProxy | undefined;
    const draw = async () => {
      const response = await fetch(fileHref(rid, addressee), { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = new Uint8Array(await response.arrayBuffer());
      pdf = await getDocument({ data, isEvalSupported: false }).promise;
      for (let n = 1; n <= Math.min(shown, pdf.numPages); n++) {
        if (cancelled) return;
        const canvas = canvases.current[n - 1];
        if (!canvas) continue;
        const page = await pdf.getPage(n);
        // Sharp on a high-density screen; the stylesheet scales it to the column's width.
        const scale = (window.devicePixelRatio || 1) * 1.25;
        const viewport = page.getViewport({ scale });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        await page.render({ canvas, viewport }).promise;
      }
      if (!cancelled) setState('drawn');
    };
    draw().catch(() => {
      if (!cancelled) setState('failed');
    });
    return () => {
      cancelled = true;
      void pdf?.destroy();
    };
  }, [rid, addressee, shown]);

  return (
    <div className="pdf-preview">
      <p role="status" className="aside">
        {state === 'loading' && 'Drawing the preview…'}
        {state === 'drawn' &&
          `The first ${shown === 1 ? 'page' : `${shown} pages`} of ${pages}, as printed.`}
        {state === 'failed' && 'The preview could not be drawn; the download is unaffected.'}
      </p>
      <div className="pdf-pages">
        {Array.from({ length: shown }, (_, i) => (
          <canvas
            key={i}
            ref={(el) => {
              canvases.current[i] = el;
            }}
            role="img"
            aria-label={`Page ${i + 1} of ${pages}`}
            data-page={i + 1}
            data-drawn={state === 'drawn' ? 'true' : undefined}
          />
        ))}
      </div>
    </div>
  );
}
