import type { components } from '../../../api/schema';

type InviteBody = components['schemas']['InviteDto'];

/** Who the sender means to invite, as the form holds it. */
export type Selection =
  { kind: 'all' } | { kind: 'tag'; tag: string } | { kind: 'picked'; ids: readonly string[] };

/**
 * The body of POST …/invitations (and of its preview) for a selection and a note, or the
 * reason it cannot be sent yet. A blank note is no note; tags are trimmed ("press, legal"
 * means either tag).
 */
export function inviteBody(
  selection: Selection,
  note: string,
): { body: InviteBody } | { problem: string } {
  const text = note.trim() === '' ? undefined : note;
  if (selection.kind === 'all') return { body: { allOrganizations: true, note: text } };
  if (selection.kind === 'tag') {
    const tags = [
      ...new Set(
        selection.tag
          .split(/[,;]/)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
    if (tags.length === 0) return { problem: 'Type a tag.' };
    return { body: tags.length === 1 ? { tag: tags[0], note: text } : { tags, note: text } };
  }
  if (selection.ids.length === 0) return { problem: 'Pick at least one organization.' };
  return { body: { organizationIds: [...selection.ids], note: text } };
}

/**
 * The note's refused constructs from a 422's `details` (`{field: 'note', line, construct,
 * problems: [message]}`), one sentence each, by line; [] for anything else.
 */
export function noteProblems(details: readonly unknown[] | undefined): string[] {
  const found: { line: number; text: string }[] = [];
  for (const detail of details ?? []) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { field, line, construct, problems } = detail as Record<string, unknown>;
    if (field !== 'note' || typeof line !== 'number') continue;
    const message: unknown = Array.isArray(problems) ? problems[0] : undefined;
    const said =
      typeof message === 'string'
        ? message.replace(/^line \d+: /, '')
        : typeof construct === 'string'
          ? `${construct} is not allowed`
          : 'not allowed';
    found.push({ line, text: `Line ${line}: ${said}` });
  }
  return found.sort((a, b) => a.line - b.line).map((f) => f.text);
}

/** The funnel's steps in order, with the words the screen shows. */
export const FUNNEL = [
  ['invited', 'Invited'],
  ['sent', 'Sent'],
  ['opened', 'Opened'],
  ['signed', 'Signed'],
  ['declined', 'Declined'],
  ['failed', 'Failed'],
] as const;

/** An invitation's status in words; a revoked one says so whatever its status. */
export function statusWords(status: string, revoked: boolean): string {
  if (revoked) return 'Revoked';
  const words: Record<string, string> = {
    queued: 'Queued',
    sent: 'Sent',
    failed: 'Failed',
    opened: 'Opened',
    signed: 'Signed',
    declined: 'Declined',
    withdrawn: 'Withdrawn',
  };
  return words[status] ?? status;
}

/** Whether a Resend and a Revoke make sense: not once answered, revoked, or failed for good. */
export const canResend = (status: string, revoked: boolean) =>
  !revoked && ['queued', 'sent', 'opened', 'failed'].includes(status);
export const canRevoke = (status: string, revoked: boolean) =>
  !revoked && !['signed', 'declined', 'withdrawn'].includes(status);
