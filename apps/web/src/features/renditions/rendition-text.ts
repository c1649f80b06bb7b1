import type { components } from '../../api/schema';

type Status = components['schemas']['RenditionStatus'];
type Edition = components['schemas']['RenditionEdition'];
type Variant = components['schemas']['RenditionVariant'];

// The words of the final-PDF screen, kept pure so they are unit-tested.

/** Queued or rendering: the state still moves. */
export const isActive = (status: Status): boolean => status === 'queued' || status === 'rendering';

export const editionName = (edition: Edition): string =>
  edition === 'delivery' ? 'Delivered edition' : 'Public edition';

export const variantName = (variant: Variant): string =>
  variant === 'combined' ? 'one letter to all officials' : 'one letter per official';

/** "Rendering… 42 %" under the progress bar. */
export function progressText(status: Status, progress: number): string {
  if (status === 'queued') return 'Waiting for the renderer… 0 %';
  if (status === 'rendering') return `Rendering… ${Math.round(progress)} %`;
  if (status === 'done') return 'Rendered: 100 %';
  return 'Rendering failed';
}

export const plural = (n: number, one: string, many: string): string =>
  `${n} ${n === 1 ? one : many}`;

/** 48213 → "47 KB"; 1.5 MB files read in MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "1 added, 1 withdrawn"; "No change in the signatories" when nothing moved. */
export function changeSummary(changes: {
  added: unknown[];
  withdrawn: unknown[];
  renamed: unknown[];
}): string {
  const parts = [
    changes.added.length > 0 && `${changes.added.length} added`,
    changes.withdrawn.length > 0 && `${changes.withdrawn.length} withdrawn`,
    changes.renamed.length > 0 && `${changes.renamed.length} renamed`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'No change in the signatories';
}

/** The file's download: the query names the addressee of a per-addressee file. */
export const fileHref = (rid: string, addressee: number | null): string =>
  `/api/renditions/${rid}/file${addressee === null ? '' : `?addressee=${addressee}`}`;
