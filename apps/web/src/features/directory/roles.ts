import type { components } from '../../api/schema';

type Role = components['schemas']['Role'];

// docs/permissions.md: manage_directory (add, edit, archive, merge) is coordinator and above;
// every member reads the directory.
export const managesDirectory = (role: Role) =>
  role === 'owner' || role === 'lead' || role === 'coordinator';
