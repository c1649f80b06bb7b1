import type { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH = 500;

interface RevisionRow {
  id: string;
  content: string;
}

/**
 * The subject line and the list heading became parts of a letter's content (`subject`,
 * `listHeading`, both optional: none unless the author writes one). Until now the PDF
 * printed "Re: <title>" and "Signatories" on every letter, so every existing revision gets
 * exactly those, and its letter prints as before: the renderer draws `subject` as it drew
 * `Re: ${title}`, and a letter with exactly these two keeps its document ID, so a published
 * letter's PDF keeps its bytes and sha256. Revisions are immutable to the application; this
 * is the one rewrite of their content, and only adds the two keys (a revision that already
 * has either is left alone). `down` removes both keys from every revision.
 */
export class LetterSubjectListHeading1765200000000 implements MigrationInterface {
  name = 'LetterSubjectListHeading1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.rewrite(queryRunner, (content) => {
      if ('subject' in content || 'listHeading' in content) return null;
      const { title } = content as { title?: unknown };
      return { ...content, subject: `Re: ${String(title)}`, listHeading: 'Signatories' };
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.rewrite(queryRunner, (content) => {
      if (!('subject' in content) && !('listHeading' in content)) return null;
      const rest = { ...content };
      delete rest.subject;
      delete rest.listHeading;
      return rest;
    });
  }

  /** Each revision's content JSON through `change` (null: unchanged), in id order, in batches. */
  private async rewrite(
    queryRunner: QueryRunner,
    change: (content: Record<string, unknown>) => Record<string, unknown> | null,
  ): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    const param = (n: number) => (postgres ? `$${n}` : '?');
    let after = '';
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT "id", "content" FROM "letter_revisions" WHERE "id" > ${param(1)} ORDER BY "id" LIMIT ${BATCH}`,
        [after],
      )) as RevisionRow[];
      for (const row of rows) {
        const changed = change(JSON.parse(row.content) as Record<string, unknown>);
        if (changed === null) continue;
        await queryRunner.query(
          `UPDATE "letter_revisions" SET "content" = ${param(1)} WHERE "id" = ${param(2)}`,
          [JSON.stringify(changed), row.id],
        );
      }
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1].id;
    }
  }
}
