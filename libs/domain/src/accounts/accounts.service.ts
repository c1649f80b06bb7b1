import { AppConfig } from '@app/config';
import { isUniqueViolation } from '@app/database';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { LetterEvents } from '../events/letter-events';
import { normalizeEmail } from './email';
import { PasswordHasher } from './password-hasher';
import { isWellFormedToken, newToken, sameHash, tokenHash } from './secret-tokens';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

const DAY_MS = 24 * 3600 * 1000;
/** Sliding expiry is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SignedIn {
  user: UserEntity;
  token: string;
}

export interface Authenticated {
  user: UserEntity;
  session: SessionEntity;
}

const wrongCredentials = () =>
  new DomainError(DomainErrorCode.Unauthenticated, 'email or password is incorrect');

@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly letterEvents: LetterEvents,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Creates an account and signs it in. For an address that already has an account, the
   * right password simply signs in; otherwise the refusal says nothing about the account.
   */
  async register(input: { email: string; password: string; name: string }): Promise<SignedIn> {
    const email = normalizeEmail(input.email);
    const passwordHash = await this.hasher.hash(input.password);
    const existing = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    if (existing) {
      if (await this.hasher.verify(existing.passwordHash, input.password)) {
        return this.dataSource.transaction((m) => this.startSession(m, existing));
      }
      throw DomainError.conflict('email: cannot register with this address; log in instead');
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await this.createUser(manager, {
          email,
          name: input.name.trim(),
          passwordHash,
        });
        return this.startSession(manager, user);
      });
    } catch (error) {
      // The same address registered concurrently: the unique index decided.
      if (isUniqueViolation(error)) {
        throw DomainError.conflict('email: cannot register with this address; log in instead');
      }
      throw error;
    }
  }

  /** Unknown email and wrong password take the same time and give the same answer. */
  async login(input: { email: string; password: string }): Promise<SignedIn> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ email: normalizeEmail(input.email) });
    const valid = await this.hasher.verify(user?.passwordHash, input.password);
    if (!user || !valid) throw wrongCredentials();
    return this.dataSource.transaction((m) => this.startSession(m, user));
  }

  /** The session of a bearer token, or null: unknown, malformed, expired or revoked. */
  async authenticate(token: unknown): Promise<Authenticated | null> {
    if (!isWellFormedToken(token)) return null;
    const hash = tokenHash(this.config.appSecret, 'session', token);
    const session = await this.dataSource
      .getRepository(SessionEntity)
      .findOneBy({ tokenHash: hash });
    const now = this.clock.now();
    if (!session || !sameHash(session.tokenHash, hash)) return null;
    if (session.revokedAt || session.expiresAt <= now) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: session.userId });
    if (!user) return null;
    if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      session.lastUsedAt = now;
      session.expiresAt = this.expiryFrom(now);
      await this.dataSource.getRepository(SessionEntity).update(session.id, {
        lastUsedAt: session.lastUsedAt,
        expiresAt: session.expiresAt,
      });
    }
    return { user, session };
  }

  async logout(session: Pick<SessionEntity, 'id' | 'userId'>): Promise<void> {
    await this.dataSource
      .getRepository(SessionEntity)
      .update({ id: session.id }, { revokedAt: this.clock.now() });
    // Its open event streams end now, on every process, not when the client next asks.
    await this.letterEvents.accessChanged(session.userId);
  }

  /** Whether the session still works (not revoked, not expired), for a long-lived stream. */
  async sessionIsLive(sessionId: string): Promise<boolean> {
    return this.dataSource.getRepository(SessionEntity).existsBy({
      id: sessionId,
      revokedAt: IsNull(),
      expiresAt: MoreThan(this.clock.now()),
    });
  }

  /** The account's sessions that still work (not revoked, not expired), newest first. */
  async liveSessions(userId: string): Promise<SessionEntity[]> {
    return this.dataSource.getRepository(SessionEntity).find({
      where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** Revokes one of the account's live sessions; another account's, or a dead one, is not found. */
  async revokeSession(userId: string, sessionId: string): Promise<void> {
    const { affected } = await this.dataSource
      .getRepository(SessionEntity)
      .update(
        { id: sessionId, userId, revokedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
        { revokedAt: this.clock.now() },
      );
    if (!affected) throw DomainError.notFound('session');
    await this.letterEvents.accessChanged(userId);
  }

  /** The CSRF token that must accompany a cookie-authenticated change (double submit). */
  csrfTokenFor(sessionToken: string): string {
    return tokenHash(this.config.appSecret, 'csrf', sessionToken);
  }

  async createUser(
    manager: EntityManager,
    input: { email: string; name: string; passwordHash: string },
  ): Promise<UserEntity> {
    const user = manager.create(UserEntity, {
      id: randomUUID(),
      email: normalizeEmail(input.email),
      name: input.name,
      passwordHash: input.passwordHash,
      createdAt: this.clock.now(),
    });
    return manager.save(user);
  }

  async startSession(manager: EntityManager, user: UserEntity): Promise<SignedIn> {
    const token = newToken();
    const now = this.clock.now();
    await manager.save(
      manager.create(SessionEntity, {
        id: randomUUID(),
        userId: user.id,
        tokenHash: tokenHash(this.config.appSecret, 'session', token),
        createdAt: now,
        lastUsedAt: now,
        expiresAt: this.expiryFrom(now),
        revokedAt: null,
      }),
    );
    return { user, token };
  }

  private expiryFrom(now: Date): Date {
    return new Date(now.getTime() + this.config.sessionTtlDays * DAY_MS);
  }
}
