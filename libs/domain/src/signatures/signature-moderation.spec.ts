import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { liveKeyFor, moderationTransition } from './signature-moderation';

describe('moderationTransition', () => {
  it.each([
    ['pending_approval', 'confirmed', 'approved'],
    ['rejected', 'confirmed', 'approved'],
    ['pending_approval', 'rejected', 'rejected'],
    ['confirmed', 'rejected', 'rejected'],
    ['confirmed', 'confirmed', null],
    ['rejected', 'rejected', null],
  ] as const)('%s → %s is %s', (current, wanted, transition) => {
    expect(moderationTransition(current, wanted)).toBe(transition);
  });

  it.each([
    ['withdrawn', 'confirmed'],
    ['withdrawn', 'rejected'],
    ['pending_confirmation', 'confirmed'],
    ['pending_confirmation', 'rejected'],
  ] as const)('leaves a %s sign-on to its signer (%s: 422 naming status)', (current, wanted) => {
    const error = (() => {
      try {
        moderationTransition(current, wanted);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error!.code).toBe(DomainErrorCode.NotAllowedNow);
    expect(error!.message).toMatch(new RegExp(`^status: this sign-on is ${current}: `));
  });
});

describe('liveKeyFor', () => {
  const signature = {
    status: 'confirmed' as const,
    organizationId: null,
    displayName: 'The Press Club!',
  };

  it('holds the place of a directory organization by its id', () => {
    expect(liveKeyFor({ ...signature, organizationId: 'org-1' })).toBe('org-1');
  });

  it('holds the place of an organization outside the directory by its name key', () => {
    expect(liveKeyFor(signature)).toBe('name:press club');
    expect(liveKeyFor({ ...signature, status: 'pending_approval' })).toBe('name:press club');
  });

  it('frees the place when the signature is not live', () => {
    for (const status of ['withdrawn', 'rejected', 'pending_confirmation'] as const) {
      expect(liveKeyFor({ ...signature, status, organizationId: 'org-1' })).toBeNull();
    }
  });

  it('fits the column even when the name key grows longer than the name', () => {
    // U+FDFA decomposes (NFKD) into 18 characters.
    const key = liveKeyFor({ ...signature, displayName: '\uFDFA'.repeat(300) })!;
    expect(key.length).toBe(320);
    expect(key.startsWith('name:')).toBe(true);
  });
});
