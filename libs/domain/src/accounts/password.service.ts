import { AppConfig } from '@app/config';
import { MailService, passwordChanged, passwordReset, renderMail } from '@app/mail';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { LetterEvents } from '../events/letter-events';
import { formatInZone } from '../time/zoned-time';
import { normalizeEmail } from './email';
import { PasswordHasher } from './password-hasher';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { isWellFormedToken, newToken, tokenHash } from './secret-tokens';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

const RESET_TTL_MS = 3600 * 1000;
/**
 * A reset request answers no sooner than this, for a known address as for an unknown one:
 * the known one's transaction (a few ms) would otherwise tell who has an account. Well
 * above that transaction even on a loaded machine, and unnoticeable to a person.
 */
export const RESET_ANSWER_FLOOR_MS = 250;
const TOKEN_PURPOSE = 'password-reset';

// One message for unknown, malformed and superseded tokens: none of them says more.
const unknownToken = () =>
  DomainError.invalid('token', 'this link is not valid; ask for a new one');

/** Changing a password while signed in, and choosing a new one through a mailed link. */
@Injectable()
export class PasswordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly letterEvents: LetterEvents,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the current password, stores the new one, and revokes every other session of the
   * account: whoever else knew the old password is signed out, the caller is not.
   */
  async change(
    user: UserEntity,
    currentSessionId: string,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw DomainError.invalid('currentPassword', 'is not your current password');
    }
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash });
      await this.revokeSessions(manager, user.id, currentSessionId);
      await this.mailChanged(manager, user, 'Your other sessions were signed out.');
    });
    await this.letterEvents.accessChanged(user.id);
  }

  /**
   * Mails a reset link when the address has an account, and does nothing otherwise; the
   * caller answers the same either way. A new link makes the older unused ones stop working.
   */
  async requestReset(email: string): Promise<void> {
    const started = performance.now();
    try {
      await this.mailResetLink(email);
    } finally {
      await sleep(Math.max(0, RESET_ANSWER_FLOOR_MS - (performance.now() - started)));
    }
  }

  private async mailResetLink(email: string): Promise<void> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ email: normalizeEmail(email) });
    if (!user) return;
    const token = newToken();
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        PasswordResetTokenEntity,
        { userId: user.id, usedAt: IsNull() },
        { usedAt: now },
      );
      const reset = await manager.save(
        manager.create(PasswordResetTokenEntity, {
          id: randomUUID(),
          userId: user.id,
          tokenHash: tokenHash(this.config.appSecret, TOKEN_PURPOSE, token),
          createdAt: now,
          expiresAt: new Date(now.getTime() + RESET_TTL_MS),
          usedAt: null,
        }),
      );
      const rendered = renderMail(passwordReset, {
        sender: 'Signatory',
        email: user.email,
        link: `${this.config.publicUrl}/reset-password?token=${token}`,
        expires: formatInZone(reset.expiresAt, this.config.defaultTimeZone),
      });
      await this.mail.queue(manager, { to: user.email, ...rendered });
    });
  }

  /**
   * Sets the password from a mailed link, once: the link is spent, and every session of the
   * account is revoked (whoever had the old password is out; the owner signs in again).
   */
  async confirmReset(input: { token: string; newPassword: string }): Promise<void> {
    if (!isWellFormedToken(input.token)) throw unknownToken();
    const hash = tokenHash(this.config.appSecret, TOKEN_PURPOSE, input.token);
    const reset = await this.dataSource
      .getRepository(PasswordResetTokenEntity)
      .findOneBy({ tokenHash: hash });
    if (!reset) throw unknownToken();
    const now = this.clock.now();
    if (reset.usedAt) throw gone('this link was already used or a newer one was sent');
    if (reset.expiresAt <= now) throw gone('this link has expired');
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      // The conditional update decides between two concurrent uses of the same link.
      const spent = await manager.update(
        PasswordResetTokenEntity,
        { id: reset.id, usedAt: IsNull() },
        { usedAt: now },
      );
      if (!spent.affected) throw gone('this link was already used or a newer one was sent');
      await manager.update(UserEntity, { id: reset.userId }, { passwordHash });
      await this.revokeSessions(manager, reset.userId);
      const user = await manager.findOneByOrFail(UserEntity, { id: reset.userId });
      await this.mailChanged(manager, user, 'Every session was signed out.');
    });
    await this.letterEvents.accessChanged(reset.userId);
  }

  private async revokeSessions(
    manager: EntityManager,
    userId: string,
    keepSessionId?: string,
  ): Promise<void> {
    await manager.update(
      SessionEntity,
      {
        userId,
        revokedAt: IsNull(),
        ...(keepSessionId ? { id: Not(keepSessionId) } : {}),
      },
      { revokedAt: this.clock.now() },
    );
  }

  private async mailChanged(
    manager: EntityManager,
    user: UserEntity,
    signedOut: string,
  ): Promise<void> {
    const rendered = renderMail(passwordChanged, {
      sender: 'Signatory',
      email: user.email,
      when: formatInZone(this.clock.now(), this.config.defaultTimeZone),
      signedOut,
      resetLink: `${this.config.publicUrl}/forgot-password`,
    });
    await this.mail.queue(manager, { to: user.email, ...rendered });
  }
}

const gone = (problem: string) => new DomainError(DomainErrorCode.Gone, `token: ${problem}`);
