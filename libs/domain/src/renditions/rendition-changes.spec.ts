import { diffSignatories } from './rendition-changes';
import type { FrozenSignatory } from './rendition.entity';

const signatory = (signatureId: string, displayName: string): FrozenSignatory => ({
  signatureId,
  displayName,
  country: null,
  revision: 1,
  signedAt: '2026-12-01T10:00:00.000Z',
});

describe('diffSignatories', () => {
  it('finds nothing between equal lists, whatever their order', () => {
    const list = [signatory('a', 'Alpha'), signatory('b', 'Beta')];
    expect(diffSignatories(list, [...list].reverse())).toEqual({
      added: [],
      withdrawn: [],
      renamed: [],
    });
  });

  it('names sign-ons added and withdrawn by signature, not by name', () => {
    const earlier = [signatory('a', 'Alpha'), signatory('b', 'Beta'), signatory('c', 'Gamma')];
    // "Beta" signs again under a new signature: one withdrawn, one added, not "unchanged".
    const later = [
      signatory('a', 'Alpha'),
      signatory('d', 'Beta'),
      signatory('e', 'جمعية الصحفيين'),
    ];
    expect(diffSignatories(earlier, later)).toEqual({
      added: [
        { signatureId: 'd', displayName: 'Beta' },
        { signatureId: 'e', displayName: 'جمعية الصحفيين' },
      ],
      withdrawn: [
        { signatureId: 'b', displayName: 'Beta' },
        { signatureId: 'c', displayName: 'Gamma' },
      ],
      renamed: [],
    });
  });

  it('reports a signature printed under another name as renamed, not added and withdrawn', () => {
    expect(diffSignatories([signatory('a', 'Alpha')], [signatory('a', 'Alpha (Kenya)')])).toEqual({
      added: [],
      withdrawn: [],
      renamed: [{ signatureId: 'a', from: 'Alpha', to: 'Alpha (Kenya)' }],
    });
  });

  it('counts everything as added after an empty list, and withdrawn before one', () => {
    const list = [signatory('a', 'Alpha'), signatory('b', 'Beta')];
    expect(diffSignatories([], list).added.map((s) => s.signatureId)).toEqual(['a', 'b']);
    expect(diffSignatories(list, []).withdrawn.map((s) => s.signatureId)).toEqual(['a', 'b']);
  });
});
