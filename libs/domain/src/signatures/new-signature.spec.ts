import { newSignature, type NewSignatureFields } from './new-signature';
import { SignatureEntity } from './signature.entity';

const fields: NewSignatureFields = {
  letterId: 'letter-1',
  organizationId: 'org-1',
  invitationId: null,
  source: 'manual',
  revision: 3,
  visibility: 'public',
  displayName: 'Friends of the Earth',
  signerName: 'Ana Lima',
  signerTitle: null,
  signerEmail: 'ana@example.org',
  country: 'BR',
  website: null,
  consentText: 'Added by a coordinator.',
};

describe('newSignature', () => {
  const now = new Date('2026-12-03T10:00:00Z');

  it('starts confirmed, authorized, not live, without token or request details, signed now', () => {
    const signature = newSignature(fields, now);
    expect(signature).toBeInstanceOf(SignatureEntity);
    expect(signature).toMatchObject({
      ...fields,
      liveKey: null,
      status: 'confirmed',
      authorized: true,
      domainVerified: false,
      ip: null,
      userAgent: null,
      position: null,
      tokenSeed: null,
      tokenHash: null,
      signedAt: now,
      updatedAt: now,
      withdrawnAt: null,
    });
    expect(signature.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("takes the caller's live key, status and request details over the defaults", () => {
    const signature = newSignature(
      { ...fields, liveKey: 'org-1', status: 'pending_approval', ip: '10.0.0.1', userAgent: 'ua' },
      now,
    );
    expect(signature).toMatchObject({
      liveKey: 'org-1',
      status: 'pending_approval',
      ip: '10.0.0.1',
      userAgent: 'ua',
    });
  });

  it('gives every signature an id of its own', () => {
    expect(newSignature(fields, now).id).not.toBe(newSignature(fields, now).id);
  });
});
