import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/**
 * argon2id, the library's default algorithm, with its default cost (m = 19 MiB, t = 2,
 * p = 1: OWASP's minimum). Hashes start with `$argon2id$`.
 */
@Injectable()
export class PasswordHasher {
  /** Verifying against this costs as much as a real check (unknown emails take as long). */
  private readonly decoy = hash('decoy password, never matches');

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(storedHash: string | undefined, password: string): Promise<boolean> {
    try {
      return await verify(storedHash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
