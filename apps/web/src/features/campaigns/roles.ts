import type { components } from '../../api/schema';

type Role = components['schemas']['Role'];

// docs/permissions.md: manage_campaigns is lead and above, draft is editor and above.
export const managesCampaigns = (role: Role) => role === 'owner' || role === 'lead';
export const drafts = (role: Role) => role !== 'viewer';

// libs/domain/src/permissions/actions.ts: moderate_signatures, view_activity, export and
// render_pdf (who sees the delivered-only names) are coordinator and above; view_audit is
// lead and above. The API enforces them; these only decide what a screen offers.
const coordinatorOrAbove = (role: Role) =>
  role === 'owner' || role === 'lead' || role === 'coordinator';
export const moderates = coordinatorOrAbove;
export const viewsActivity = coordinatorOrAbove;
export const exportsAll = coordinatorOrAbove;
export const viewsAudit = managesCampaigns;
