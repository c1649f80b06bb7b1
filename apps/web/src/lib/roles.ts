import type { components } from '../api/schema';

type Role = components['schemas']['Role'];

// What each role may do, as docs/permissions.md has it; the API enforces the same rules,
// the app only hides what would be refused.
/** manage_campaigns, publish and letter settings: lead and above. */
export const managesCampaigns = (role: Role) => role === 'owner' || role === 'lead';
export const publishes = managesCampaigns;
/** draft and comment: editor and above. */
export const drafts = (role: Role) => role !== 'viewer';
export const comments = drafts;
/**
 * moderate_signatures, view_activity, export, render_pdf (the final PDF: render, retry):
 * coordinator and above. The same roles see the names signers gave only to the officials
 * (seesDeliveredNames in libs/domain): the delivered edition's file, changes and export.
 */
const coordinatorOrAbove = (role: Role) =>
  role === 'owner' || role === 'lead' || role === 'coordinator';
export const moderates = coordinatorOrAbove;
/** manage_directory (add, edit, archive, merge); every member reads the directory. */
export const managesDirectory = coordinatorOrAbove;
/** invite_organizations (invite, preview, resend, revoke): coordinator and above. */
export const invitesOrganizations = coordinatorOrAbove;
/** The activity feed; the letter's live stream is every member's (a lighter view below it). */
export const viewsActivity = coordinatorOrAbove;
export const exportsAll = coordinatorOrAbove;
export const rendersPdf = coordinatorOrAbove;
export const seesDeliveredNames = coordinatorOrAbove;
/** view_audit: lead and above. */
export const viewsAudit = managesCampaigns;
