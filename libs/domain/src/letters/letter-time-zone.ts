import type { EntityManager } from 'typeorm';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { isoInZone } from '../time/zoned-time';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { parseLetterSettings, type LetterSettings } from './letter-settings';
import type { LetterEntity } from './letter.entity';

/**
 * The zone a letter's deadline is read and shown in: the letter's own, else its
 * workspace's, else the configured DEFAULT_TIME_ZONE.
 */
export function letterTimeZone(
  settings: Pick<LetterSettings, 'timeZone'>,
  workspace: { timeZone: string | null },
  defaultTimeZone: string,
): string {
  return settings.timeZone ?? workspace.timeZone ?? defaultTimeZone;
}

/** Where a letter belongs and the zone it is read in, for a letter loaded alone. */
export interface LetterPlace {
  workspaceId: string;
  timeZone: string;
}

/** The letter's workspace (through its campaign) and letterTimeZone(). */
export async function loadLetterPlace(
  manager: EntityManager,
  letter: LetterEntity,
  defaultTimeZone: string,
): Promise<LetterPlace> {
  const campaign = await manager.findOneByOrFail(CampaignEntity, { id: letter.campaignId });
  const workspace = await manager.findOneByOrFail(WorkspaceEntity, { id: campaign.workspaceId });
  const settings = parseLetterSettings(letter.settings);
  return {
    workspaceId: workspace.id,
    timeZone: letterTimeZone(settings, workspace, defaultTimeZone),
  };
}

/** letterTimeZone() for a letter loaded alone: reads its campaign's workspace. */
export async function loadLetterTimeZone(
  manager: EntityManager,
  letter: LetterEntity,
  defaultTimeZone: string,
): Promise<string> {
  const settings = parseLetterSettings(letter.settings);
  if (settings.timeZone) return settings.timeZone;
  return (await loadLetterPlace(manager, letter, defaultTimeZone)).timeZone;
}

/**
 * What the API adds beside a `deadline` (an instant, ISO 8601 in UTC): the same instant
 * with the zone's offset (`2026-12-20T23:59:00-05:00`) and the zone's name.
 */
export function deadlineFields(deadline: Date | null, timeZone: string) {
  return { deadlineInZone: deadline && isoInZone(deadline, timeZone), timeZone };
}
