import { markdownProblems } from '@app/markdown';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

/**
 * Markdown that letters do not use (raw HTML, non-web links, tables, code…) is refused where
 * it is typed: 422, the first problem in the message, all of them (each with its line) in
 * `details` for an editor to mark. One rule for a letter's body and an invitation's note.
 */
export function assertSafeMarkdown(field: string, source: string): void {
  const problems = markdownProblems(source);
  if (problems.length === 0) return;
  throw new DomainError(DomainErrorCode.Unsupported, `${field}: ${problems[0].message}`, {
    details: problems.map(({ line, construct, message }) => ({
      field,
      line,
      construct,
      problems: [message],
    })),
  });
}
