import { AppConfig } from '@app/config';
import { renderMarkdownHtml, renderMarkdownText } from '@app/markdown';
import {
  MailService,
  openSignOnConfirm,
  openSignOnDuplicate,
  renderMail,
  signOnCorrection,
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

/**
 * The letter's words as a receipt copies them: salutation, body (rendered once per body, as
 * a batch of receipts is one letter's), closing.
 */
let lastCopy: { body: string; bodyHtml: string; bodyText: string } | undefined;
function letterCopy(content: PublishedLetter['content']) {
  if (lastCopy?.body !== content.body) {
    lastCopy = {
      body: content.body,
      bodyHtml: renderMarkdownHtml(content.body),
      bodyText: renderMarkdownText(content.body),
    };
  }
  const { bodyHtml, bodyText } = lastCopy;
  return { salutation: content.salutation, bodyHtml, bodyText, closing: content.closing };
}

const NO_COPY = { salutation: '', bodyHtml: '', bodyText: '', closing: '' };

const fieldLabels: Record<string, string> = {
  title: 'Title',
  date: 'Date',
  salutation: 'Salutation',
  body: 'Text',
  closing: 'Closing',
};

/** `addressees[1]` → `Addressee 2`; the other fields by their name in the letter. */
function fieldLabel(field: string): string {
  const addressee = /^addressees\[(\d+)\]$/.exec(field);
  if (addressee) return `Addressee ${Number(addressee[1]) + 1}`;
  return fieldLabels[field] ?? field;
}

/**
 * The changed fields as a person reads them (the text rendered, never Markdown). Long
 * unchanged stretches are cut to their ends, so a diff mail shows the changes.
 */
function condense(changes: FieldDiff[]) {
  return changes
    .filter((change) => change.changed)
    .map((change) => ({
      field: change.field,
      label: fieldLabel(change.field),
      formattingOnly: change.formattingOnly,
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
        // A sign-on still on an older revision (awaiting re-consent) gets no copy of the new text.
        ...(signature.revision === access.revision ? letterCopy(access.content) : NO_COPY),
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

  /**
   * Asks to confirm a newer text or withdraw. `correctionReason`: the newest revision
   * corrected a text this signer had already been asked about.
   */
  async reconsent(
    manager: EntityManager,
    access: SignerLetter,
    signature: SignatureEntity,
    link: string,
    changes: FieldDiff[],
    correctionReason: string | null = null,
  ) {
    await this.send(manager, access, signature, signOnReconsent, {
      link,
      signedRevision: signature.revision,
      revision: access.revision,
      changes: condense(changes),
      correctionReason,
    });
  }

  /** A correction: the sign-on stands on the new text; the way to withdraw if it should not. */
  async correction(
    manager: EntityManager,
    access: SignerLetter,
    signature: SignatureEntity,
    link: string,
    change: { signedRevision: number; changes: FieldDiff[]; reason: string },
  ) {
    await this.send(manager, access, signature, signOnCorrection, {
      // The sign page's section with the withdraw button.
      withdrawLink: `${link}#respond`,
      signedRevision: change.signedRevision,
      revision: access.revision,
      changes: condense(change.changes),
      reason: change.reason,
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
