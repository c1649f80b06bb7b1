import type { components } from '../../api/schema';

type Role = components['schemas']['Role'];

// What each role may do, as docs/permissions.md has it; the API enforces the same rules,
// the app only hides what would be refused.
/** manage_campaigns, publish and letter settings: lead and above. */
export const managesCampaigns = (role: Role) => role === 'owner' || role === 'lead';
export const publishes = managesCampaigns;
/** draft and comment: editor and above. */
export const drafts = (role: Role) => role !== 'viewer';
export const comments = drafts;
