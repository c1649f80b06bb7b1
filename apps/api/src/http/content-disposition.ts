/**
 * `attachment; filename="…"` (or `inline`) with an ASCII fallback and the UTF-8 name beside
 * it, so that every browser saves the file under a sane name.
 */
export function contentDisposition(type: 'attachment' | 'inline', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
