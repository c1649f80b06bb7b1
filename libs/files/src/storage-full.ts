/** Error codes that mean the disk (or the user's quota) has no room for the file. */
const STORAGE_FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

/** True when a write failed because the disk or the quota under FILES_DIR is full. */
export function isStorageFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && STORAGE_FULL_CODES.has(code);
}

/**
 * A file could not be stored for lack of space. Unlike a render that fails on its input,
 * this can succeed later (once space is freed), so the job is retried.
 */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
}
