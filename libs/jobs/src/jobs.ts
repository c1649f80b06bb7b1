/** The queues Signatory runs; each has its processor in libs/workers. */
export enum QueueName {
  Mail = 'mail',
  Reminders = 'reminders',
  Pdf = 'pdf',
}

/** Every job name, prefixed by its queue. A name here must have a handler in the worker. */
export enum JobName {
  /** Deliver one stored mail message. */
  MailSend = 'mail.send',
  /** Periodic: close letters whose sign-on deadline has passed. */
  RemindersDeadlines = 'reminders.deadlines',
  /** Periodic: send the reminder steps that are due. */
  RemindersInvitations = 'reminders.invitations',
  /** Render one rendition's PDF file(s). */
  PdfRender = 'pdf.render',
  /** Periodic: re-queue renditions whose worker died while rendering. */
  PdfSweep = 'pdf.sweep',
}

/** The payload of each job: ids only; handlers reload the state they act on. */
export interface JobPayloads {
  [JobName.MailSend]: { mailId: string };
  [JobName.RemindersDeadlines]: Record<string, never>;
  [JobName.RemindersInvitations]: Record<string, never>;
  [JobName.PdfRender]: { renditionId: string };
  [JobName.PdfSweep]: Record<string, never>;
}

/** Which queue carries each job. */
export const queueOfJob = {
  [JobName.MailSend]: QueueName.Mail,
  [JobName.RemindersDeadlines]: QueueName.Reminders,
  [JobName.RemindersInvitations]: QueueName.Reminders,
  [JobName.PdfRender]: QueueName.Pdf,
  [JobName.PdfSweep]: QueueName.Pdf,
} as const satisfies { readonly [N in JobName]: QueueName };

/** The job names a queue carries, e.g. `JobsOf<QueueName.Mail>`. */
export type JobsOf<Q extends QueueName> = {
  [N in JobName]: (typeof queueOfJob)[N] extends Q ? N : never;
}[JobName];

export type JobPayload<N extends JobName> = JobPayloads[N];

export function isJobName(name: string): name is JobName {
  return (Object.values(JobName) as string[]).includes(name);
}
