import { AppConfig } from '@app/config';
import { MailService, memberInvitation, renderMail } from '@app/mail';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { normalizeEmail } from '../accounts/email';
import { newToken, tokenHash } from '../accounts/secret-tokens';
import { UserEntity } from '../accounts/user.entity';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { Action, minimumRole } from '../permissions/actions';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { LetterEvents } from '../events/letter-events';
import { lockWorkspace } from './lock-workspace';
import { MemberInvitationEntity } from './member-invitation.entity';
import { MembershipEntity } from './membership.entity';
import { atLeast, Role } from './roles';
import { WorkspaceEntity } from './workspace.entity';
import { formatInZone } from '../time/zoned-time';

const JOIN_LINK_DAYS = 7;

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
}

/** Who is acting, with their role in the workspace (resolved by the permission guard). */
export interface ActingMember {
  userId: string;
  role: Role;
}

export type AddMemberResult =
  { status: 'added'; member: Member } | { status: 'invited'; invitation: PendingInvitation };

const forbidden = (message: string) => new DomainError(DomainErrorCode.Forbidden, message);

@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly letterEvents: LetterEvents,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async list(
    workspaceId: string,
  ): Promise<{ members: Member[]; invitations: PendingInvitation[] }> {
    // Entities, not raw rows: SQLite hands raw timestamps back without their zone.
    const memberships = await this.dataSource
      .getRepository(MembershipEntity)
      .find({ where: { workspaceId }, relations: { user: true } });
    const invitations = await this.dataSource.getRepository(MemberInvitationEntity).find({
      where: { workspaceId, acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
    const now = this.clock.now();
    return {
      members: memberships
        .map((m) => ({
          userId: m.userId,
          email: m.user!.email,
          name: m.user!.name,
          role: m.role,
          joinedAt: m.createdAt,
        }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email)),
      invitations: invitations
        .filter((i) => i.expiresAt > now)
        .map(({ id, email, role, expiresAt }) => ({ id, email, role, expiresAt })),
    };
  }

  /**
   * Adds a person by email: at once when they have an account, otherwise by an emailed
   * join link (a new invitation replaces a pending one for the same address).
   */
  async add(
    workspaceId: string,
    actor: ActingMember,
    input: { email: string; role: Role },
  ): Promise<AddMemberResult> {
    this.assertMayGrant(actor, input.role);
    const email = normalizeEmail(input.email);
    return this.dataSource.transaction(async (manager) => {
      await lockWorkspace(manager, workspaceId);
      const user = await manager.findOneBy(UserEntity, { email });
      if (user)
        return {
          status: 'added',
          member: await this.addUser(manager, workspaceId, actor, user, input.role),
        };
      return {
        status: 'invited',
        invitation: await this.invite(manager, workspaceId, actor, email, input.role),
      };
    });
  }

  async changeRole(
    workspaceId: string,
    actor: ActingMember,
    userId: string,
    role: Role,
  ): Promise<Member> {
    const member = await this.dataSource.transaction(async (manager) => {
      await lockWorkspace(manager, workspaceId);
      const membership = await this.membershipOrFail(manager, workspaceId, userId);
      this.assertMayManage(actor, membership);
      this.assertMayGrant(actor, role);
      if (membership.role === role) return this.toMember(manager, membership);
      if (membership.role === Role.Owner)
        await this.assertAnotherOwner(manager, workspaceId, 'demoted');
      const from = membership.role;
      membership.role = role;
      await manager.save(membership);
      await this.audit.append(manager, workspaceId, {
        actor: { type: 'user', id: actor.userId },
        action: 'member.role_changed',
        subject: { type: 'user', id: userId },
        data: { from, to: role },
      });
      return this.toMember(manager, membership);
    });
    // Committed: the member's open event streams (any process) now see what their new role
    // may see, or end.
    await this.letterEvents.accessChanged(userId);
    return member;
  }

  /** Removes a member; anyone may leave, the last owner may not. */
  async remove(workspaceId: string, actor: ActingMember, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockWorkspace(manager, workspaceId);
      const membership = await this.membershipOrFail(manager, workspaceId, userId);
      if (userId !== actor.userId) {
        if (!atLeast(actor.role, minimumRole[Action.ManageMembers])) {
          throw forbidden(
            `removing another member needs the ${minimumRole[Action.ManageMembers]} role`,
          );
        }
        this.assertMayManage(actor, membership);
      }
      if (membership.role === Role.Owner)
        await this.assertAnotherOwner(manager, workspaceId, 'removed');
      await manager.delete(MembershipEntity, { id: membership.id });
      await this.audit.append(manager, workspaceId, {
        actor: { type: 'user', id: actor.userId },
        action: userId === actor.userId ? 'member.left' : 'member.removed',
        subject: { type: 'user', id: userId },
        data: { role: membership.role },
      });
    });
    // Committed: the former member's open event streams end, on every process.
    await this.letterEvents.accessChanged(userId);
  }

  private async addUser(
    manager: EntityManager,
    workspaceId: string,
    actor: ActingMember,
    user: UserEntity,
    role: Role,
  ): Promise<Member> {
    if (await manager.existsBy(MembershipEntity, { workspaceId, userId: user.id })) {
      throw DomainError.conflict('email: already a member of this workspace');
    }
    // An emailed invitation for the same address is moot once they are in.
    await manager.update(
      MemberInvitationEntity,
      { workspaceId, email: user.email, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
    const membership = manager.create(MembershipEntity, {
      id: randomUUID(),
      workspaceId,
      userId: user.id,
      role,
      createdAt: this.clock.now(),
    });
    await manager.save(membership);
    await this.audit.append(manager, workspaceId, {
      actor: { type: 'user', id: actor.userId },
      action: 'member.added',
      subject: { type: 'user', id: user.id },
      data: { role },
    });
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role,
      joinedAt: membership.createdAt,
    };
  }

  private async invite(
    manager: EntityManager,
    workspaceId: string,
    actor: ActingMember,
    email: string,
    role: Role,
  ): Promise<PendingInvitation> {
    const now = this.clock.now();
    await manager.update(
      MemberInvitationEntity,
      { workspaceId, email, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: now },
    );
    const token = newToken();
    const invitation = manager.create(MemberInvitationEntity, {
      id: randomUUID(),
      workspaceId,
      email,
      role,
      tokenHash: tokenHash(this.config.appSecret, 'join', token),
      invitedBy: actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + JOIN_LINK_DAYS * 24 * 3600 * 1000),
      acceptedAt: null,
      revokedAt: null,
    });
    await manager.save(invitation);

    const workspace = await manager.findOneByOrFail(WorkspaceEntity, { id: workspaceId });
    const inviter = await manager.findOneByOrFail(UserEntity, { id: actor.userId });
    const rendered = renderMail(memberInvitation, {
      sender: workspace.name,
      workspace: workspace.name,
      inviter: inviter.name,
      roleWithArticle: `${role === Role.Owner || role === Role.Editor ? 'an' : 'a'} ${role}`,
      link: `${this.config.publicUrl}/join/${token}`,
      expires: formatInZone(
        invitation.expiresAt,
        workspace.timeZone ?? this.config.defaultTimeZone,
      ),
    });
    await this.mail.queue(manager, {
      to: email,
      ...rendered,
      fromName: workspace.name,
      replyTo: inviter.email,
    });
    await this.audit.append(manager, workspaceId, {
      actor: { type: 'user', id: actor.userId },
      action: 'member.invited',
      subject: { type: 'member_invitation', id: invitation.id },
      data: { email, role },
    });
    return { id: invitation.id, email, role, expiresAt: invitation.expiresAt };
  }

  /** Leads manage the roles below theirs; only owners grant or change lead and owner. */
  private assertMayGrant(actor: ActingMember, role: Role): void {
    if (actor.role !== Role.Owner && atLeast(role, Role.Lead)) {
      throw forbidden(`role: only an owner can grant the ${role} role`);
    }
  }

  private assertMayManage(actor: ActingMember, target: MembershipEntity): void {
    if (actor.role !== Role.Owner && atLeast(target.role, Role.Lead)) {
      throw forbidden(`only an owner can change or remove a ${target.role}`);
    }
  }

  private async assertAnotherOwner(
    manager: EntityManager,
    workspaceId: string,
    what: 'demoted' | 'removed',
  ): Promise<void> {
    const owners = await manager.countBy(MembershipEntity, { workspaceId, role: Role.Owner });
    if (owners <= 1) {
      throw new DomainError(
        DomainErrorCode.NotAllowedNow,
        `role: the last owner cannot be ${what}; make another member owner first`,
      );
    }
  }

  private async membershipOrFail(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
  ): Promise<MembershipEntity> {
    const membership = await manager.findOneBy(MembershipEntity, { workspaceId, userId });
    if (!membership) throw DomainError.notFound('member');
    return membership;
  }

  private async toMember(manager: EntityManager, membership: MembershipEntity): Promise<Member> {
    const user = await manager.findOneByOrFail(UserEntity, { id: membership.userId });
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: membership.role,
      joinedAt: membership.createdAt,
    };
  }
}
