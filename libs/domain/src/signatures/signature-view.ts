import type { Visibility } from '../letters/letter-settings';
import type { SignatureEntity, SignatureSource, SignatureStatus } from './signature.entity';

// Records, so that adding a status or source to the entity's type fails to compile here.
const statusNames: Record<SignatureStatus, true> = {
  pending_confirmation: true,
  pending_approval: true,
  confirmed: true,
  withdrawn: true,
  rejected: true,
};
const sourceNames: Record<SignatureSource, true> = { invitation: true, open: true, manual: true };

export const signatureStatuses = Object.keys(statusNames) as SignatureStatus[];
export const signatureSources = Object.keys(sourceNames) as SignatureSource[];

/** A signature as every member of the workspace may see it. */
export interface SignatureView {
  id: string;
  organizationId: string | null;
  invitationId: string | null;
  displayName: string;
  signerName: string;
  signerTitle: string | null;
  country: string | null;
  status: SignatureStatus;
  source: SignatureSource;
  visibility: Visibility;
  revision: number;
  signedAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
  domainVerified: boolean;
  position: number | null;
}

/** Coordinators also see how to reach the signer and the record of consent. */
export interface PrivateSignatureView extends SignatureView {
  signerEmail: string | null;
  website: string | null;
  ip: string | null;
  userAgent: string | null;
  consentText: string;
  authorized: boolean;
}

export function signatureView(s: SignatureEntity): SignatureView {
  return {
    id: s.id,
    organizationId: s.organizationId,
    invitationId: s.invitationId,
    displayName: s.displayName,
    signerName: s.signerName,
    signerTitle: s.signerTitle,
    country: s.country,
    status: s.status,
    source: s.source,
    visibility: s.visibility,
    revision: s.revision,
    signedAt: s.signedAt,
    updatedAt: s.updatedAt,
    withdrawnAt: s.withdrawnAt,
    domainVerified: s.domainVerified,
    position: s.position,
  };
}

export function privateSignatureView(s: SignatureEntity): PrivateSignatureView {
  return {
    ...signatureView(s),
    signerEmail: s.signerEmail,
    website: s.website,
    ip: s.ip,
    userAgent: s.userAgent,
    consentText: s.consentText,
    authorized: s.authorized,
  };
}
