import type { EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import type { InvitationEntity } from '../invitations/invitation.entity';
import { ownView, type SignOutcome } from './sign-on.service';
import { ALONE, SignOnBatches, type Creation, type SignOnRules } from './sign-on-batches';
import type { SignatureEntity, SignatureStatus } from './signature.entity';
import type { InvitationLink, SignerAccess } from './signer-access';
import type { SignOnCommand } from './sign-on-commands';
import type { SignerFields } from './signer-input';

const meta = { ip: null, userAgent: null };
const fields: SignerFields = {
  displayName: 'Friends of the Earth',
  signerName: 'Ana',
  signerTitle: null,
  country: null,
  visibility: 'public',
};

/** A submission as the API hands it over, with the fields a test changes. */
const command = (changes: Partial<SignOnCommand> = {}): SignOnCommand => ({
  displayName: fields.displayName,
  signerName: fields.signerName,
  consent: true,
  authorized: true,
  ...changes,
});

/** A link's access as SignerAccessResolver returns it, with the parts a batch reads. */
function accessFor(token: string, status?: SignatureStatus): SignerAccess {
  const signature = status
    ? ({ id: `sig-${token}`, status, revision: 1, ...fields } as SignatureEntity)
    : null;
  return {
    token,
    invitation: { id: `inv-${token}` } as InvitationEntity,
    signature,
    revision: 1,
  } as SignerAccess;
}

/**
 * The batch's own decisions, against rules that answer from a table of links: which
 * submissions share one transaction, which are answered there, which go alone.
 */
describe('SignOnBatches', () => {
  let links: Map<string, InvitationLink>;
  let transactions: number;
  let created: Creation[][];
  let rules: SignOnRules;

  beforeEach(() => {
    links = new Map();
    transactions = 0;
    created = [];
    rules = {
      transaction: (work) => {
        transactions++;
        return work({} as EntityManager);
      },
      resolveInvitations: (_manager, tokens) =>
        Promise.resolve(new Map(tokens.flatMap((t) => (links.has(t) ? [[t, links.get(t)!]] : [])))),
      checked: (_access, submitted) => {
        if (submitted.displayName === '') throw DomainError.invalid('displayName', 'is empty');
        return { ...fields, displayName: submitted.displayName };
      },
      repeat: (signature, submitted, access) =>
        submitted.displayName === signature.displayName
          ? { created: false, signature: ownView(signature, access.revision) }
          : null,
      createMany: (_manager, creations) => {
        created.push(creations);
        return Promise.resolve(
          creations.map((c): SignOutcome => ({
            created: true,
            signature: { id: `new-${c.access.token}` } as SignOutcome['signature'],
          })),
        );
      },
    };
  });

  it('writes the first sign-ons that arrive together in one transaction, each caller getting its own', async () => {
    for (const token of ['a', 'b', 'c']) links.set(token, { access: accessFor(token) });
    const batches = new SignOnBatches(rules);
    const results = await Promise.all(
      ['a', 'b', 'c'].map((token) => batches.call({ token, command: command(), meta })),
    );
    expect(results).toEqual(
      ['a', 'b', 'c'].map((t) => ({ outcome: { created: true, signature: { id: `new-${t}` } } })),
    );
    expect(transactions).toBe(1);
    expect(created.map((batch) => batch.map((c) => c.invitation.id))).toEqual([
      ['inv-a', 'inv-b', 'inv-c'],
    ]);
  });

  it('answers an identical repeat, and leaves a change, an unknown link and a second use of a link alone', async () => {
    links.set('same', { access: accessFor('same', 'confirmed') });
    links.set('changed', { access: accessFor('changed', 'confirmed') });
    links.set('twice', { access: accessFor('twice') });
    const batches = new SignOnBatches(rules);
    const [same, changed, unknown, first, second] = await Promise.all([
      batches.call({ token: 'same', command: command(), meta }),
      batches.call({ token: 'changed', command: command({ displayName: 'Renamed' }), meta }),
      batches.call({ token: 'open-link', command: command(), meta }),
      batches.call({ token: 'twice', command: command(), meta }),
      batches.call({ token: 'twice', command: command(), meta }),
    ]);
    expect(same).toEqual({
      outcome: { created: false, signature: expect.objectContaining({ id: 'sig-same' }) },
    });
    expect([changed, unknown, second]).toEqual([ALONE, ALONE, ALONE]);
    expect(first).toEqual({ outcome: { created: true, signature: { id: 'new-twice' } } });
  });

  it("answers a refused submission's error and a dead link's error to their own callers only", async () => {
    const gone = new Error('gone');
    links.set('dead', { error: gone });
    links.set('bad', { access: accessFor('bad') });
    links.set('good', { access: accessFor('good') });
    const batches = new SignOnBatches(rules);
    const [dead, bad, good] = await Promise.all([
      batches.call({ token: 'dead', command: command(), meta }),
      batches.call({ token: 'bad', command: command({ displayName: '' }), meta }),
      batches.call({ token: 'good', command: command(), meta }),
    ]);
    expect(dead).toEqual({ error: gone });
    expect(bad).toEqual({ error: expect.any(DomainError) });
    expect(good).toEqual({ outcome: { created: true, signature: { id: 'new-good' } } });
  });

  it('sends every submission of a batch whose transaction failed alone', async () => {
    links.set('a', { access: accessFor('a') });
    const batches = new SignOnBatches({
      ...rules,
      createMany: () => Promise.reject(new Error('deadlock detected')),
    });
    await expect(batches.call({ token: 'a', command: command(), meta })).resolves.toBe(ALONE);
  });
});
