import { AppConfig } from '@app/config';
import { markdownBlocks, type MarkdownBlock } from '@app/markdown';
import { MailService, renderMail, type MailTemplate, type NewMail } from '@app/mail';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import type { LetterContent } from '../letters/letter-diff';
import { LetterRevisionEntity } from '../letters/letter-revision.entity';
import type { LetterEntity } from '../letters/letter.entity';
import { parseLetterSettings } from '../letters/letter-settings';
import { letterTimeZone } from '../letters/letter-time-zone';
import { formatInZone } from '../time/zoned-time';
import type { OrganizationEntity } from '../organizations/organization.entity';
import type { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { InvitationEntity } from './invitation.entity';
import { signToken } from './sign-links';

type MailContext = Awaited<ReturnType<InvitationMailer['context']>>;

/** Writes an invitation's messages (the invitation, reminders, resends) into the outbox. */
@Injectable()
export class InvitationMailer {
  constructor(
    private readonly mail: MailService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** What every message about this letter says, computed once per batch. */
  async context(
    manager: EntityManager,
    letter: LetterEntity,
    workspace: WorkspaceEntity,
    inviterId: string,
  ) {
    const revision = await manager.findOneByOrFail(LetterRevisionEntity, {
      letterId: letter.id,
      number: letter.publishedRevision!,
    });
    const content = JSON.parse(revision.content) as LetterContent;
    const inviter = await manager.findOneBy(UserEntity, { id: inviterId });
    const timeZone = letterTimeZone(
      parseLetterSettings(letter.settings),
      workspace,
      this.config.defaultTimeZone,
    );
    return {
      sender: workspace.name,
      workspace: workspace.name,
      replyTo: inviter?.email ?? this.config.mailFrom,
      title: content.title,
      excerpt: excerpt(content.body),
      deadline: deadlineInWords(letter.deadline!, timeZone),
    };
  }

  async send(
    manager: EntityManager,
    invitation: InvitationEntity,
    organization: OrganizationEntity,
    context: MailContext,
    template: MailTemplate,
  ): Promise<void> {
    await this.mail.queue(manager, this.render(invitation, organization, context, template));
  }

  /** `send` for many invitations at once (a whole directory), with batched inserts. */
  async sendMany(
    manager: EntityManager,
    batch: { invitation: InvitationEntity; organization: OrganizationEntity }[],
    context: MailContext,
    template: MailTemplate,
  ): Promise<void> {
    await this.mail.queueMany(
      manager,
      batch.map(({ invitation, organization }) =>
        this.render(invitation, organization, context, template),
      ),
    );
  }

  private render(
    invitation: InvitationEntity,
    organization: OrganizationEntity,
    context: MailContext,
    template: MailTemplate,
  ): NewMail {
    const link = `${this.config.publicUrl}/sign/${signToken(this.config.appSecret, invitation.tokenSeed)}`;
    const rendered = renderMail(template, {
      ...context,
      organization: organization.name,
      link,
      declineLink: `${link}/decline`,
    });
    return {
      to: invitation.email,
      ...rendered,
      fromName: context.sender,
      replyTo: context.replyTo,
      context: `invitation:${invitation.id}`,
    };
  }
}

/**
 * The first paragraph of the body as plain text, at most 300 characters: the opening words
 * of the letter, so a section heading before them is passed over, and a list or a quote
 * that comes first gives its items' words.
 */
function excerpt(body: string): string {
  const textOf = (block: MarkdownBlock): string => {
    switch (block.kind) {
      case 'paragraph':
        return block.inlines.map((i) => ('text' in i ? i.text : ' ')).join('');
      case 'heading':
        return '';
      case 'quote':
        return block.blocks.map(textOf).join(' ');
      case 'list':
        return block.items.flat().map(textOf).join(' ');
    }
  };
  const first =
    markdownBlocks(body)
      .map(textOf)
      .find((t) => t.trim()) ?? '';
  return first.length > 300 ? `${first.slice(0, 297).trimEnd()}…` : first;
}

/** "20 December 2026, 11:59 pm EST": the deadline in the letter's zone, with its name. */
export function deadlineInWords(deadline: Date, timeZone: string): string {
  return formatInZone(deadline, timeZone);
}
