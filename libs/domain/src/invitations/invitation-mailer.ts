import { AppConfig } from '@app/config';
import {
  markdownBlocks,
  renderMarkdownHtml,
  renderMarkdownText,
  type MarkdownBlock,
} from '@app/markdown';
import { MailService, renderMail, type MailTemplate, type NewMail } from '@app/mail';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import type { LetterContent } from '../letters/letter-diff';
import { LetterRevisionEntity } from '../letters/letter-revision.entity';
import type { LetterEntity } from '../letters/letter.entity';
import { parseLetterSettings } from '../letters/letter-settings';
import { letterTimeZone } from '../letters/letter-time-zone';
import { stripDisguising } from '../text/printed-text';
import { formatInZone } from '../time/zoned-time';
import type { OrganizationEntity } from '../organizations/organization.entity';
import type { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { InvitationEntity } from './invitation.entity';
import { signToken } from './sign-links';

export type InvitationMailContext = Awaited<ReturnType<InvitationMailer['context']>>;
type MailContext = InvitationMailContext;

/** Where a preview's links point: plainly not a sign-on link, and never a live token. */
export const PREVIEW_LINK_TOKEN = 'PREVIEW-ONLY-NOT-A-SIGN-ON-LINK';

/** Writes an invitation's messages (the invitation, reminders, resends) into the outbox. */
@Injectable()
export class InvitationMailer {
  constructor(
    private readonly mail: MailService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * What every message about this letter says, computed once per batch. Replies go to
   * `replyToId`; the note is introduced with `noteById`'s name (the person who invited, also
   * when a colleague resends).
   */
  async context(
    manager: EntityManager,
    letter: LetterEntity,
    workspace: WorkspaceEntity,
    replyToId: string,
    noteById: string = replyToId,
  ) {
    const revision = await manager.findOneByOrFail(LetterRevisionEntity, {
      letterId: letter.id,
      number: letter.publishedRevision!,
    });
    const content = JSON.parse(revision.content) as LetterContent;
    const replyTo = await manager.findOneBy(UserEntity, { id: replyToId });
    const noteBy =
      noteById === replyToId ? replyTo : await manager.findOneBy(UserEntity, { id: noteById });
    const timeZone = letterTimeZone(
      parseLetterSettings(letter.settings),
      workspace,
      this.config.defaultTimeZone,
    );
    return {
      sender: workspace.name,
      workspace: stripDisguising(workspace.name),
      replyTo: replyTo?.email ?? this.config.mailFrom,
      // Names are stored cleaned (NameField); cleaned again for rows older than that rule.
      inviter: stripDisguising(noteBy?.name ?? 'the coordinators'),
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

  /**
   * The one place an invitation's message is composed: the outbox's mail and a preview's
   * (which passes `token`, a placeholder that is not a live link) come from here.
   */
  render(
    invitation: Pick<InvitationEntity, 'id' | 'email' | 'tokenSeed' | 'note'>,
    organization: Pick<OrganizationEntity, 'name'>,
    context: MailContext,
    template: MailTemplate,
    token: string = signToken(this.config.appSecret, invitation.tokenSeed),
  ): NewMail {
    const link = `${this.config.publicUrl}/sign/${token}`;
    const note = invitation.note ? renderedNote(invitation.note) : { html: '', text: '' };
    const rendered = renderMail(template, {
      ...context,
      organization: organization.name,
      link,
      declineLink: `${link}/decline`,
      noteHtml: note.html,
      noteText: note.text,
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

// A batch of 10,000 invitations carries one note: it is rendered once, not 10,000 times.
let lastNote: { source: string; html: string; text: string } | undefined;

/** The note as sanitised HTML (the letter body's renderer) and as plain text. */
function renderedNote(source: string): { html: string; text: string } {
  if (lastNote?.source !== source) {
    lastNote = { source, html: renderMarkdownHtml(source), text: renderMarkdownText(source) };
  }
  return lastNote;
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
