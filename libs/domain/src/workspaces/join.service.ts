import { AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AccountsService, type SignedIn } from '../accounts/accounts.service';
import { PasswordHasher } from '../accounts/password-hasher';
import { isWellFormedToken, tokenHash } from '../accounts/secret-tokens';
import { UserEntity } from '../accounts/user.entity';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { lockWorkspace } from './lock-workspace';
import { MemberInvitationEntity } from './member-invitation.entity';
import { MembershipEntity } from './membership.entity';
import type { Role } from './roles';
import { WorkspaceEntity } from './workspace.entity';

export interface JoinInvitation {
  workspace: { id: string; name: string };
  email: string;
  role: Role;
  expiresAt: Date;
  /** True when the address already has an account (then the password must be its own). */
  hasAccount: boolean;
}

/** The join link of an emailed member invitation: see it, then accept it once. */
const unknownInvitation = () => DomainError.notFound('invitation');

/** An unknown, used, withdrawn or expired join link: what guessing links would produce. */
export function isDeadJoinLink(error: unknown): boolean {
  return (
    error instanceof DomainError &&
    (error.code === DomainErrorCode.Gone || error.message === unknownInvitation().message)
  );
}

@Injectable()
export class JoinService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async describe(token: string): Promise<JoinInvitation> {
    const invitation = await this.usable(this.dataSource.manager, token);
    const workspace = await this.dataSource
      .getRepository(WorkspaceEntity)
      .findOneByOrFail({ id: invitation.workspaceId });
    const hasAccount = await this.dataSource
      .getRepository(UserEntity)
      .existsBy({ email: invitation.email });
    return {
      workspace: { id: workspace.id, name: workspace.name },
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      hasAccount,
    };
  }

  /**
   * Creates the account (or, if the address registered meanwhile, checks its password),
   * adds the membership, spends the link and signs in: all or nothing.
   */
  async accept(token: string, input: { name: string; password: string }): Promise<SignedIn> {
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.usable(manager, token);
      await lockWorkspace(manager, invitation.workspaceId);
      // Re-read under the lock: a concurrent accept of the same link loses here.
      const fresh = await manager.findOneByOrFail(MemberInvitationEntity, { id: invitation.id });
      if (fresh.acceptedAt || fresh.revokedAt) throw this.spent();

      let user = await manager.findOneBy(UserEntity, { email: invitation.email });
      if (user && !(await this.hasher.verify(user.passwordHash, input.password))) {
        throw DomainError.invalid('password', 'does not match the existing account for this email');
      }
      user ??= await this.accounts.createUser(manager, {
        email: invitation.email,
        name: input.name.trim(),
        passwordHash,
      });
      if (
        !(await manager.existsBy(MembershipEntity, {
          workspaceId: invitation.workspaceId,
          userId: user.id,
        }))
      ) {
        await manager.save(
          manager.create(MembershipEntity, {
            id: randomUUID(),
            workspaceId: invitation.workspaceId,
            userId: user.id,
            role: invitation.role,
            createdAt: this.clock.now(),
          }),
        );
      }
      const spent = await manager.update(
        MemberInvitationEntity,
        { id: invitation.id, acceptedAt: IsNull() },
        { acceptedAt: this.clock.now() },
      );
      if (!spent.affected) throw this.spent();
      await this.audit.append(manager, invitation.workspaceId, {
        actor: { type: 'user', id: user.id },
        action: 'member.joined',
        subject: { type: 'user', id: user.id },
        data: { role: invitation.role, invitationId: invitation.id },
      });
      return this.accounts.startSession(manager, user);
    });
  }

  private async usable(manager: EntityManager, token: string): Promise<MemberInvitationEntity> {
    if (!isWellFormedToken(token)) throw unknownInvitation();
    const invitation = await manager.findOneBy(MemberInvitationEntity, {
      tokenHash: tokenHash(this.config.appSecret, 'join', token),
    });
    if (!invitation) throw unknownInvitation();
    if (invitation.acceptedAt || invitation.revokedAt) throw this.spent();
    if (invitation.expiresAt <= this.clock.now()) {
      throw new DomainError(
        DomainErrorCode.Gone,
        'token: this invitation has expired; ask for a new one',
      );
    }
    return invitation;
  }

  private spent(): DomainError {
    return new DomainError(
      DomainErrorCode.Gone,
      'token: this invitation was already used or withdrawn',
    );
  }
}
