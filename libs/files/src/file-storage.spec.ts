import { loadConfig } from '@app/config';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStorage, InvalidFileKeyError } from './file-storage';
import { writeFileAtomic } from './write-file-atomic';

describe('FileStorage', () => {
  const root = mkdtempSync(join(tmpdir(), 'signatory-files-'));
  const storage = new FileStorage(
    loadConfig({ FILES_DIR: join(root, 'files'), VAR_DIR: join(root, 'var') }),
  );

  it('writes, reads, sizes and removes a file under FILES_DIR', async () => {
    await storage.write('renditions/r1/letter.pdf', Buffer.from('%PDF-1.7 ½'));
    expect(readFileSync(join(root, 'files/renditions/r1/letter.pdf'), 'utf8')).toBe('%PDF-1.7 ½');
    expect((await storage.read('renditions/r1/letter.pdf')).toString()).toBe('%PDF-1.7 ½');
    expect(await storage.size('renditions/r1/letter.pdf')).toBe(Buffer.byteLength('%PDF-1.7 ½'));
    await storage.remove('renditions/r1/letter.pdf');
    expect(await storage.size('renditions/r1/letter.pdf')).toBeUndefined();
  });

  it('replaces a file whole and leaves no temporary file behind', async () => {
    await storage.write('a/b.txt', 'old');
    await storage.write('a/b.txt', 'new content');
    expect((await storage.read('a/b.txt')).toString()).toBe('new content');
    expect(readdirSync(join(root, 'files/a'))).toEqual(['b.txt']);
  });

  it.each(['../outside.txt', '/etc/passwd', 'a/../../x', '', 'nul\0byte', '..'])(
    'refuses the key %j',
    async (key) => {
      await expect(storage.write(key, 'x')).rejects.toBeInstanceOf(InvalidFileKeyError);
      expect(existsSync(join(root, 'outside.txt'))).toBe(false);
    },
  );

  it('keeps the old file when a write fails half-way', async () => {
    const target = join(root, 'files/keep.txt');
    await writeFileAtomic(target, 'intact');
    const failing = {
      // A Uint8Array-like whose bytes cannot be read: the write throws mid-way.
      get length(): number {
        throw new Error('disk on fire');
      },
    } as unknown as Uint8Array;
    await expect(writeFileAtomic(target, failing)).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('intact');
    expect(readdirSync(join(root, 'files')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
