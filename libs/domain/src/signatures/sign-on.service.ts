import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Clock } from '../clock';
import type { LetterContent } from '../letters/letter-diff';
import { LetterRevisionEntity } from '../letters/letter-revision.entity';
import { LetterEntity } from '../letters/letter.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { InvitationEntity, type InvitationStatus } from './invitation.entity';
import { InvitationsService } from './invitations.service';

export interface SignOnView {
  letter: { title: string; content: LetterContent; deadline: Date | null; status: string };
  organization: { name: string };
  invitationStatus: InvitationStatus;
}

/** What an invited organization sees through its link (no account). */
@Injectable()
export class SignOnService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
    private readonly clock: Clock,
  ) {}

  /** The published text exactly as signed; reading never changes anything. */
  async view(token: string): Promise<SignOnView> {
    const invitation = await this.invitations.byToken(token);
    const letter = await this.dataSource
      .getRepository(LetterEntity)
      .findOneByOrFail({ id: invitation.letterId });
    const revision = await this.dataSource
      .getRepository(LetterRevisionEntity)
      .findOneByOrFail({ letterId: letter.id, number: letter.publishedRevision! });
    const content = JSON.parse(revision.content) as LetterContent;
    const organization = await this.dataSource
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: invitation.organizationId });
    return {
      letter: { title: content.title, content, deadline: letter.deadline, status: letter.status },
      organization: { name: organization.name },
      invitationStatus: invitation.status,
    };
  }

  /**
   * Records that a person opened the page. Only the page's own POST calls this (a mail
   * scanner's prefetching GET never does), and only the first time counts.
   */
  async markOpened(token: string): Promise<void> {
    const invitation = await this.invitations.byToken(token);
    await this.dataSource
      .getRepository(InvitationEntity)
      .update(
        { id: invitation.id, status: In(['queued', 'sent']) },
        { status: 'opened', openedAt: this.clock.now() },
      );
  }
}
