import { atLeast, Role } from '../workspaces/roles';

/**
 * Everything a member may do in a workspace. docs/permissions.md is the same table in
 * prose; a test checks that the two agree.
 */
export enum Action {
  /** See the workspace, its campaigns, letters, revisions, comments and members. */
  Read = 'read',
  Comment = 'comment',
  Draft = 'draft',
  /** Create, rename and archive campaigns. */
  ManageCampaigns = 'manage_campaigns',
  /** Publish, close, and change a letter's settings. */
  Publish = 'publish',
  ManageDirectory = 'manage_directory',
  InviteOrganizations = 'invite_organizations',
  ModerateSignatures = 'moderate_signatures',
  /** See a letter's activity feed and the signers' private details (email, IP, consent). */
  ViewActivity = 'view_activity',
  Export = 'export',
  RenderPdf = 'render_pdf',
  ManageMembers = 'manage_members',
  ViewAudit = 'view_audit',
  RenameWorkspace = 'rename_workspace',
}

/** The least powerful role allowed each action; every stronger role may too. */
export const minimumRole: Record<Action, Role> = {
  [Action.Read]: Role.Viewer,
  [Action.Comment]: Role.Editor,
  [Action.Draft]: Role.Editor,
  [Action.ManageCampaigns]: Role.Lead,
  [Action.Publish]: Role.Lead,
  [Action.ManageDirectory]: Role.Coordinator,
  [Action.InviteOrganizations]: Role.Coordinator,
  [Action.ModerateSignatures]: Role.Coordinator,
  [Action.ViewActivity]: Role.Coordinator,
  [Action.Export]: Role.Coordinator,
  [Action.RenderPdf]: Role.Coordinator,
  [Action.ManageMembers]: Role.Lead,
  [Action.ViewAudit]: Role.Lead,
  [Action.RenameWorkspace]: Role.Owner,
};

/**
 * The one rule for names an organization asked to show only to the officials (visibility
 * `delivered`): whoever may produce the delivery edition (coordinators and above) sees
 * them, in the signature list, the `delivered` CSV and the delivery PDF alike; lower roles
 * see them only counted, in the stats (issue 14.11).
 */
export function seesDeliveredNames(role: Role): boolean {
  return atLeast(role, minimumRole[Action.RenderPdf]);
}
