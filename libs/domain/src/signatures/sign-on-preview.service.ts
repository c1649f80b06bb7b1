import { AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { letterAtRevision } from '../letters/letter-revision-lookup';
import { parseLetterSettings } from '../letters/letter-settings';
import { deadlineFields, letterTimeZone } from '../letters/letter-time-zone';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { consentText } from './consent';
import type { SignOnView } from './sign-on.service';
import { allowedActions } from './signer-actions';
import { SignatureEntity } from './signature.entity';

/** The organization a preview of the sign page is addressed to. */
export const EXAMPLE_ORGANIZATION = 'Example Organization';

export interface SignOnPreview {
  view: SignOnView;
  /** The revision organizations sign now; null before the letter is first published. */
  publishedRevision: number | null;
  /** The latest revision: the current draft. */
  latestRevision: number;
}

/**
 * The sign page of an invited organization that has not answered yet, for any revision of a
 * letter (the latest draft when none is named), before or after it is published: what a
 * lead checks before sending invitations. Sign-ons are taken as open, so the form shows;
 * the page itself keeps it from being sent. Reads only.
 */
@Injectable()
export class SignOnPreviewService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async view(letterId: string, revisionNumber?: number): Promise<SignOnPreview> {
    const manager = this.dataSource.manager;
    const { letter, revision, content } = await letterAtRevision(manager, letterId, revisionNumber);
    const campaign = await manager.findOneByOrFail(CampaignEntity, { id: letter.campaignId });
    const workspace = await manager.findOneByOrFail(WorkspaceEntity, { id: campaign.workspaceId });
    const signedCount = await manager.countBy(SignatureEntity, {
      letterId,
      status: 'confirmed',
    });
    const settings = parseLetterSettings(letter.settings);
    const timeZone = letterTimeZone(settings, workspace, this.config.defaultTimeZone);
    const view: SignOnView = {
      letter: {
        id: letter.id,
        title: content.title,
        content,
        revision: revision.number,
        deadline: letter.deadline,
        ...deadlineFields(letter.deadline, timeZone),
        status: letter.status,
        open: true,
      },
      organization: { name: EXAMPLE_ORGANIZATION, country: null },
      invitationStatus: 'sent',
      signature: null,
      signedCount,
      consentText: consentText({
        workspace: workspace.name,
        organization: EXAMPLE_ORGANIZATION,
        title: content.title,
        revision: revision.number,
      }),
      visibilities: settings.visibilities,
      // The same rule as for a real link, for an invitation sent and not answered.
      allowedActions: allowedActions({
        open: true,
        invitationStatus: 'sent',
        signature: null,
        publishedRevision: revision.number,
      }),
    };
    return {
      view,
      publishedRevision: letter.publishedRevision,
      latestRevision: letter.currentRevision,
    };
  }
}
