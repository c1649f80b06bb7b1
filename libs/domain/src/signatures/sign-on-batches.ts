import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { InvitationEntity } from '../invitations/invitation.entity';
import { Batches } from './batches';
import type { RequestMeta, SignOutcome } from './sign-on.service';
import { isLive, type SignatureEntity } from './signature.entity';
import type { InvitationLink, SignerAccess } from './signer-access';
import type { SignOnCommand } from './sign-on-commands';
import type { SignerFields } from './signer-input';

export interface SignRequest {
  token: string;
  command: SignOnCommand;
  meta: RequestMeta;
}

/** A first sign-on through an invitation's link, checked and ready to write. */
export interface Creation {
  access: SignerAccess;
  invitation: InvitationEntity;
  fields: SignerFields;
  meta: RequestMeta;
}

/** What a batch answers a submission: its outcome, its error, or "take it alone". */
export const ALONE = 'alone' as const;
export type BatchResult = { outcome: SignOutcome } | { error: unknown } | typeof ALONE;

/**
 * The rules of signing that a batch applies, exactly as a submission alone meets them
 * (SignOnService provides them): the batch only decides which submissions can share a
 * transaction.
 */
export interface SignOnRules {
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  /** Every link of the batch, locked, in one query (SignerAccessResolver). */
  resolveInvitations(
    manager: EntityManager,
    tokens: string[],
  ): Promise<Map<string, InvitationLink>>;
  /** The submitted fields, or the error that refuses the submission. */
  checked(access: SignerAccess, command: SignOnCommand): SignerFields;
  /** The answer to a submission that changes nothing of the live signature; else null. */
  repeat(
    signature: SignatureEntity,
    fields: SignerFields,
    access: SignerAccess,
  ): SignOutcome | null;
  /** Writes first sign-ons, with one statement per table whatever their number. */
  createMany(manager: EntityManager, creations: Creation[]): Promise<SignOutcome[]>;
}

/** Submissions per batch: an INSERT of this many signatures stays well under 30,000 values. */
const BATCH_MAX = 200;
/**
 * Batches in flight at once: while some wait on the database, the next one forms. Their
 * links are locked in id order, so batches cannot deadlock on them.
 */
const BATCH_CONCURRENCY = 4;

/**
 * Sign-ons that arrive together, written together: under load one transaction serves up to
 * BATCH_MAX submissions (Batches does the queueing). What a batch cannot take (a change, an
 * open sign-on's link, the same link twice) it answers ALONE, for the caller to take one at
 * a time.
 */
export class SignOnBatches {
  private readonly logger = new Logger('SignOn');
  private readonly batches = new Batches<SignRequest, BatchResult>(
    (requests) => this.signMany(requests),
    {
      fallback: ALONE,
      max: BATCH_MAX,
      concurrency: BATCH_CONCURRENCY,
      // Each of its submissions is then tried alone, which answers its own error.
      failed: (error) => this.logger.debug(`sign-on batch tried one by one: ${String(error)}`),
    },
  );

  constructor(private readonly rules: SignOnRules) {}

  call(request: SignRequest): Promise<BatchResult> {
    return this.batches.call(request);
  }

  /**
   * The submissions that arrive together, in one transaction: first sign-ons through
   * invitation links are created together (an INSERT per table, whatever their number),
   * identical repeats are answered, every other case is left to signAlone. Whatever the
   * batch decides is decided exactly as signOnce would, on the rows it locked.
   */
  private signMany(requests: SignRequest[]): Promise<BatchResult[]> {
    return this.rules.transaction(async (manager) => {
      const links = await this.rules.resolveInvitations(
        manager,
        requests.map((r) => r.token),
      );
      const results: BatchResult[] = [];
      const claimed = new Set<string>();
      const creations: { index: number; creation: Creation }[] = [];
      for (const request of requests) {
        const link = links.get(request.token);
        // Not an invitation's link, or the same link twice in one batch: one at a time.
        if (!link || ('access' in link && claimed.has(link.access.invitation!.id))) {
          results.push(ALONE);
          continue;
        }
        if ('error' in link) {
          results.push({ error: link.error });
          continue;
        }
        const access = link.access;
        claimed.add(access.invitation!.id);
        try {
          const fields = this.rules.checked(access, request.command);
          const existing = access.signature;
          if (existing && isLive(existing)) {
            const outcome = this.rules.repeat(existing, fields, access);
            results.push(outcome ? { outcome } : ALONE);
            continue;
          }
          creations.push({
            index: results.length,
            creation: { access, invitation: access.invitation!, fields, meta: request.meta },
          });
          results.push(ALONE);
        } catch (error) {
          results.push({ error });
        }
      }
      const outcomes = await this.rules.createMany(
        manager,
        creations.map((c) => c.creation),
      );
      creations.forEach(({ index }, i) => (results[index] = { outcome: outcomes[i] }));
      return results;
    });
  }
}
