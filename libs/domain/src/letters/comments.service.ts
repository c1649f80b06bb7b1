import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { userNames } from '../accounts/user-names';
import { Clock } from '../clock';
import { DomainError } from '../errors/domain-error';
import { CommentEntity } from './comment.entity';
import { LetterRevisionEntity } from './letter-revision.entity';

export interface CommentView {
  id: string;
  revision: number;
  authorId: string;
  /** Null when the author has since deleted their account. */
  authorName: string | null;
  body: string;
  quote: string | null;
  createdAt: Date;
  resolved: boolean;
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

const view = (c: CommentEntity, names: ReadonlyMap<string, string>): CommentView => ({
  id: c.id,
  revision: c.revision,
  authorId: c.authorId,
  authorName: names.get(c.authorId) ?? null,
  body: c.body,
  quote: c.quote,
  createdAt: c.createdAt,
  resolved: c.resolvedAt !== null,
  resolvedAt: c.resolvedAt,
  resolvedBy: c.resolvedBy,
});

@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async add(
    letterId: string,
    authorId: string,
    input: { revision: number; body: string; quote?: string },
  ): Promise<CommentView> {
    const exists = await this.dataSource
      .getRepository(LetterRevisionEntity)
      .existsBy({ letterId, number: input.revision });
    if (!exists)
      throw DomainError.invalid('revision', `this letter has no revision ${input.revision}`);
    const comment = await this.dataSource.getRepository(CommentEntity).save({
      id: randomUUID(),
      letterId,
      revision: input.revision,
      authorId,
      body: input.body.trim(),
      quote: input.quote?.trim() || null,
      createdAt: this.clock.now(),
      resolvedAt: null,
      resolvedBy: null,
    });
    return view(comment, await userNames(this.dataSource.manager, [authorId]));
  }

  /** Open comments first, then resolved ones; oldest first within each. */
  async list(letterId: string): Promise<CommentView[]> {
    const rows = await this.dataSource
      .getRepository(CommentEntity)
      .find({ where: { letterId }, order: { createdAt: 'ASC' } });
    const names = await userNames(
      this.dataSource.manager,
      rows.map((c) => c.authorId),
    );
    return [...rows.filter((c) => !c.resolvedAt), ...rows.filter((c) => c.resolvedAt)].map((c) =>
      view(c, names),
    );
  }

  async setResolved(
    letterId: string,
    commentId: string,
    actorId: string,
    resolved: boolean,
  ): Promise<CommentView> {
    const comments = this.dataSource.getRepository(CommentEntity);
    const comment = await comments.findOneBy({ id: commentId, letterId });
    if (!comment) throw DomainError.notFound('comment');
    comment.resolvedAt = resolved ? (comment.resolvedAt ?? this.clock.now()) : null;
    comment.resolvedBy = resolved ? (comment.resolvedBy ?? actorId) : null;
    const saved = await comments.save(comment);
    return view(saved, await userNames(this.dataSource.manager, [saved.authorId]));
  }
}
