import { AppConfig } from '@app/config';
import {
  MailService,
  openSignOnConfirm,
  openSignOnDuplicate,
  renderMail,
  signOnReceipt,
  signOnReconsent,
  signOnWithdrawn,
  type MailTemplate,
  type NewMail,
} from '@app/mail';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deadlineInWords } from '../invitations/invitation-mailer';
import type { FieldDiff } from '../letters/letter-diff';
import { formatInZone } from '../time/zoned-time';
import { visibilityInWords } from './consent';
import type { SignatureEntity } from './signature.entity';
import type { PublishedLetter, SignerAccess } from './signer-access';

/** The letter, and whose sign-on a message is about. */
type SignerLetter = PublishedLetter & Pick<SignerAccess, 'invitation' | 'organizationName'>;

/** Where a signer's messages go: the link holder's address, else the signer's own. */
export function signerAddress(
  access: Pick<SignerAccess, 'invitation'>,
  signature: SignatureEntity,
) {
  return access.invitation?.email ?? signature.signerEmail;
}

/** A moment of a sign-on, in the letter's zone (formatInZone reuses its formatters). */
const when = (date: Date, access: Pick<PublishedLetter, 'timeZone'>) =>
  formatInZone(date, access.timeZone);

/** deadlineInWords, remembered for the last deadline asked (a letter's, over and over). */
let lastDeadline: { at: number; zone: string; words: string } | undefined;
function deadlineWords(deadline: Date, zone: string): string {
  if (lastDeadline?.at !== deadline.getTime() || lastDeadline.zone !== zone) {
    lastDeadline = { at: deadline.getTime(), zone, words: deadlineInWords(deadline, zone) };
  }
  return lastDeadline.words;
}

/** Long unchanged stretches are cut to their ends, so a diff mail shows the changes. */
function condense(changes: FieldDiff[]) {
  return changes
    .filter((change) => change.changed)
    .map((change) => ({
      field: change.field,
      runs: change.runs.map((run) => ({
        added: run.type === 'added',
        removed: run.type === 'removed',
        text:
          run.type === 'unchanged' && run.text.length > 160
            ? `${run.text.slice(0, 70)} … ${run.text.slice(-70)}`
            : run.text,
      })),
    }));
}

/** Writes the signer-facing messages into the outbox, in the caller's transaction. */
@Injectable()
export class SignerMailer {
  constructor(
    private readonly mail: MailService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async receipt(
    manager: EntityManager,
    access: SignerLetter,
    signature: SignatureEntity,
    link: string,
  ) {
    await this.receipts(manager, [{ access, signature, link }]);
  }

  /** What each sign-on recorded, to its link's holder; every message in one INSERT. */
  async receipts(
    manager: EntityManager,
    signOns: { access: SignerLetter; signature: SignatureEntity; link: string }[],
  ) {
    const mails = signOns.flatMap(({ access, signature, link }) =>
      this.message(access, signature, signOnReceipt, {
        link,
        revision: signature.revision,
        displayName: signature.displayName,
        signerName: signature.signerName,
        visibility: visibilityInWords[signature.visibility],
        signedAt: when(signature.updatedAt, access),
      }),
    );
    // queueMany writes the messages and their jobs with an INSERT each (queue reads first).
    if (mails.length) await this.mail.queueMany(manager, mails);
  }

  async withdrawn(
    manager: EntityManager,
    access: SignerLetter,
    signature: SignatureEntity,
    link: string,
  ) {
    await this.send(manager, access, signature, signOnWithdrawn, {
      link,
      at: when(signature.withdrawnAt ?? signature.updatedAt, access),
    });
  }

  async openConfirm(
    manager: EntityManager,
    access: SignerLetter,
    signature: SignatureEntity,
    link: string,
  ) {
    await this.send(manager, access, signature, openSignOnConfirm, { link });
  }

  async openDuplicate(
    manager: EntityManager,
    access: PublishedLetter,
    to: string,
    organization: string,
  ) {
    await this.deliver(manager, access, to, openSignOnDuplicate, { organization });
  }

  async reconsent(
    manager: EntityManager,
    access: SignerLetter,
    signature: SignatureEntity,
    link: string,
    changes: FieldDiff[],
  ) {
    await this.send(manager, access, signature, signOnReconsent, {
      link,
      signedRevision: signature.revision,
      revision: access.revision,
      changes: condense(changes),
    });
  }

  private async send(
    manager: EntityManager,
    access: SignerLetter,
    signature: SignatureEntity,
    template: MailTemplate,
    context: Record<string, unknown>,
  ) {
    const mails = this.message(access, signature, template, context);
    if (mails.length) await this.mail.queueMany(manager, mails);
  }

  /** The message to the signer's address; none without one. */
  private message(
    access: SignerLetter,
    signature: SignatureEntity,
    template: MailTemplate,
    context: Record<string, unknown>,
  ): NewMail[] {
    const to = signerAddress(access, signature);
    if (!to) return [];
    return [
      this.render(access, to, template, { organization: access.organizationName, ...context }),
    ];
  }

  private async deliver(
    manager: EntityManager,
    access: PublishedLetter,
    to: string,
    template: MailTemplate,
    context: Record<string, unknown>,
  ) {
    await this.mail.queueMany(manager, [this.render(access, to, template, context)]);
  }

  private render(
    access: PublishedLetter,
    to: string,
    template: MailTemplate,
    context: Record<string, unknown>,
  ): NewMail {
    const rendered = renderMail(template, {
      sender: access.workspace.name,
      workspace: access.workspace.name,
      title: access.content.title,
      deadline: access.letter.deadline
        ? deadlineWords(access.letter.deadline, access.timeZone)
        : 'the deadline',
      ...context,
    });
    return {
      to,
      ...rendered,
      fromName: access.workspace.name,
      context: `letter:${access.letter.id}`,
    };
  }
}
