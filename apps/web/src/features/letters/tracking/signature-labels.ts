import type { components } from '../../../api/schema';

type Status = components['schemas']['SignatureStatus'];
type Source = components['schemas']['SignatureSource'];
type Visibility = components['schemas']['Visibility'];

// Records, so that a status, source or visibility added to the API fails to type-check here.
export const STATUS_NAMES: Record<Status, string> = {
  confirmed: 'Signed',
  pending_approval: 'Pending approval',
  pending_confirmation: 'Email not confirmed yet',
  withdrawn: 'Withdrawn',
  rejected: 'Rejected',
};

export const SOURCE_NAMES: Record<Source, string> = {
  invitation: 'Invitation',
  open: 'Open sign-on',
  manual: 'Phone or paper',
};

export const VISIBILITY_NAMES: Record<Visibility, string> = {
  public: 'Public',
  delivered: 'Only on the delivered copy',
  anonymous: 'Anonymous (counted only)',
};

export const options = <K extends string>(names: Record<K, string>) =>
  Object.entries(names) as [K, string][];
