import type { components } from '../../api/schema';

type Role = components['schemas']['Role'];

// docs/permissions.md: manage_campaigns is lead and above, draft is editor and above.
export const managesCampaigns = (role: Role) => role === 'owner' || role === 'lead';
export const drafts = (role: Role) => role !== 'viewer';
