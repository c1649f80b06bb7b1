import { grantableRoles, LAST_OWNER_REASON, memberControls, ROLES } from './member-rules';

const owner = { userId: 'o', role: 'owner' as const };
const lead = { userId: 'l', role: 'lead' as const };
const editor = { userId: 'e', role: 'editor' as const };

describe('memberControls', () => {
  it('keeps the last owner: no role change, no removal, and says why', () => {
    expect(memberControls(owner, owner, 1)).toEqual({
      roles: [],
      canRemove: false,
      removeLabel: 'Leave',
      reason: LAST_OWNER_REASON,
    });
    expect(memberControls(owner, lead, 1).reason).toBe(LAST_OWNER_REASON);
  });

  it('lets an owner change anyone once there is another owner', () => {
    expect(memberControls(owner, { userId: 'o2', role: 'owner' }, 2)).toEqual({
      roles: ROLES,
      canRemove: true,
      removeLabel: 'Remove',
    });
  });

  it('lets a lead manage only the roles below lead', () => {
    expect(memberControls(editor, lead, 1).roles).toEqual(['coordinator', 'editor', 'viewer']);
    const other = memberControls({ userId: 'l2', role: 'lead' }, lead, 1);
    expect(other).toMatchObject({ roles: [], canRemove: false });
    expect(other.reason).toMatch(/Only an owner/);
    expect(memberControls(lead, lead, 1)).toMatchObject({ canRemove: true, removeLabel: 'Leave' });
  });

  it('lets other roles only leave', () => {
    expect(memberControls(editor, editor, 1)).toEqual({
      roles: [],
      canRemove: true,
      removeLabel: 'Leave',
    });
    expect(memberControls(lead, editor, 1)).toEqual({
      roles: [],
      canRemove: false,
      removeLabel: 'Remove',
    });
  });
});

describe('grantableRoles', () => {
  it('is every role for owners, below lead for leads, none otherwise', () => {
    expect(grantableRoles('owner')).toEqual(ROLES);
    expect(grantableRoles('lead')).toEqual(['coordinator', 'editor', 'viewer']);
    expect(grantableRoles('coordinator')).toEqual([]);
  });
});
