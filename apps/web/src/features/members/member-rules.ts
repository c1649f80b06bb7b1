import type { components } from '../../api/schema';

type Role = components['schemas']['Role'];

/** Most power first, as docs/permissions.md orders them. */
export const ROLES: readonly Role[] = ['owner', 'lead', 'coordinator', 'editor', 'viewer'];
const BELOW_LEAD: readonly Role[] = ['coordinator', 'editor', 'viewer'];

export interface MemberControls {
  /** The roles the viewer may give this member; empty when the role cannot be changed. */
  roles: readonly Role[];
  canRemove: boolean;
  /** Removing yourself is leaving. */
  removeLabel: 'Remove' | 'Leave';
  /** Why a control the viewer would otherwise have is not offered, shown beside the row. */
  reason?: string;
}

export const LAST_OWNER_REASON =
  'The last owner cannot be demoted or removed: make another member owner first.';
const LEADS_REASON = 'Only an owner changes or removes an owner or a lead.';

/**
 * What the signed-in member may do to one member's row, from docs/permissions.md: owners
 * and leads manage members, leads only below lead, anyone may leave, and the last owner
 * stays. The API enforces the same rules; this only decides what to offer and explain.
 */
export function memberControls(
  member: { userId: string; role: Role },
  me: { userId: string; role: Role },
  ownerCount: number,
): MemberControls {
  const self = member.userId === me.userId;
  const removeLabel = self ? 'Leave' : 'Remove';
  const manages = me.role === 'owner' || me.role === 'lead';
  if (member.role === 'owner' && ownerCount <= 1) {
    return { roles: [], canRemove: false, removeLabel, reason: LAST_OWNER_REASON };
  }
  if (me.role === 'owner') return { roles: ROLES, canRemove: true, removeLabel };
  if (manages && BELOW_LEAD.includes(member.role)) {
    return { roles: BELOW_LEAD, canRemove: true, removeLabel };
  }
  if (manages) return { roles: [], canRemove: self, removeLabel, reason: LEADS_REASON };
  return { roles: [], canRemove: self, removeLabel };
}

/** The roles the viewer may give when adding someone (none: they cannot add). */
export function grantableRoles(myRole: Role): readonly Role[] {
  if (myRole === 'owner') return ROLES;
  return myRole === 'lead' ? BELOW_LEAD : [];
}
