import { Foundation1764300000000 } from './1764300000000-foundation';
import { AccountsWorkspaces1764400000000 } from './1764400000000-accounts-workspaces';
import { Letters1764500000000 } from './1764500000000-letters';
import { Organizations1764600000000 } from './1764600000000-organizations';
import { Invitations1764700000000 } from './1764700000000-invitations';
import { Signatures1764800000000 } from './1764800000000-signatures';
import { Renditions1764900000000 } from './1764900000000-renditions';
import { SignOnThroughput1765100000000 } from './1765100000000-sign-on-throughput';
import { LetterSubjectListHeading1765200000000 } from './1765200000000-letter-subject-list-heading';
import { TimeZones1765300000000 } from './1765300000000-time-zones';
import { PasswordResetTokens1765400000000 } from './1765400000000-password-reset-tokens';
import { DirectoryImportMappings1765500000000 } from './1765500000000-directory-import-mappings';
import { InvitationNotes1765600000000 } from './1765600000000-invitation-notes';
import { OrganizationLastActivity1765700000000 } from './1765700000000-organization-last-activity';
import { OrganizationActivityLockOrder1765800000000 } from './1765800000000-organization-activity-lock-order';

/** Every migration, oldest first. A committed migration is never edited; add a new one. */
export const migrations = [
  Foundation1764300000000,
  AccountsWorkspaces1764400000000,
  Letters1764500000000,
  Organizations1764600000000,
  Invitations1764700000000,
  Signatures1764800000000,
  Renditions1764900000000,
  SignOnThroughput1765100000000,
  LetterSubjectListHeading1765200000000,
  TimeZones1765300000000,
  PasswordResetTokens1765400000000,
  DirectoryImportMappings1765500000000,
  InvitationNotes1765600000000,
  OrganizationLastActivity1765700000000,
  OrganizationActivityLockOrder1765800000000,
];
