import type {
  RenditionEdition,
  RenditionEntity,
  RenditionFile,
  RenditionStatus,
  RenditionVariant,
} from './rendition.entity';

export interface RenditionView {
  id: string;
  letterId: string;
  status: RenditionStatus;
  progress: number;
  revision: number;
  variant: RenditionVariant;
  edition: RenditionEdition;
  /** Organizations named in the file(s). */
  signatoryCount: number;
  /** Signed on, counted but not named in this edition. */
  unnamedCount: number;
  files: Omit<RenditionFile, 'key'>[];
  warnings: string[];
  error?: string;
  attempts: number;
  createdAt: Date;
  finishedAt: Date | null;
}

export function renditionView(rendition: RenditionEntity): RenditionView {
  const files = JSON.parse(rendition.files) as RenditionFile[];
  return {
    id: rendition.id,
    letterId: rendition.letterId,
    status: rendition.status,
    progress: rendition.progress,
    revision: rendition.revision,
    variant: rendition.variant,
    edition: rendition.edition,
    signatoryCount: rendition.signatoryCount,
    unnamedCount: rendition.unnamedCount,
    files: files.map(({ key: _key, ...file }) => file),
    warnings: JSON.parse(rendition.warnings) as string[],
    ...(rendition.error ? { error: rendition.error } : {}),
    attempts: rendition.attempts,
    createdAt: rendition.createdAt,
    finishedAt: rendition.finishedAt,
  };
}
