import { AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { readFile, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { writeFileAtomic } from './write-file-atomic';

export class InvalidFileKeyError extends Error {
  override name = 'InvalidFileKeyError';
}

/**
 * Files kept under FILES_DIR (rendered PDFs, later uploads), addressed by a relative key
 * such as `renditions/<id>/letter.pdf`. Writes are atomic; a key can never leave the folder.
 */
@Injectable()
export class FileStorage {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  async write(key: string, data: Uint8Array | string): Promise<void> {
    await writeFileAtomic(this.pathOf(key), data);
  }

  async read(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  /** Size in bytes, or undefined when there is no such file. */
  async size(key: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** The absolute path of a key, for streaming a response. */
  pathOf(key: string): string {
    const cleaned = normalize(key);
    if (
      !key ||
      key.includes('\0') ||
      isAbsolute(cleaned) ||
      cleaned === '..' ||
      cleaned.startsWith(`..${sep}`)
    ) {
      throw new InvalidFileKeyError(`invalid file key: ${JSON.stringify(key)}`);
    }
    return join(this.config.filesDir, cleaned);
  }
}
