import { Action, CommentsService, LettersService, PublishingService } from '@app/domain';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  PipeTransform,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Can, CurrentAuth, type RequestAuth } from '../auth/auth.decorators';
import { INT32_MAX } from '../http/fields';
import { LetterDiffDto } from './letter-diff.dto';
import { LetterSettingsDto } from './letter-settings.dto';
import {
  AddCommentDto,
  CreateLetterDto,
  DiffQueryDto,
  PublishDto,
  SaveDraftDto,
} from './letters.dto';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';
import {
  ClosedView,
  CommentView,
  LetterSettingsView,
  LetterSummaryView,
  LetterView,
  PublishedView,
  RefusedContentErrorView,
  RevisionSummaryView,
  RevisionView,
  SavedDraftView,
  StaleRevisionErrorView,
} from './letters.views';

/** A revision number in the path: digits only, within the column's range. */
const revisionNumber: PipeTransform<string, number> = {
  transform(value: string): number {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 0 && n <= INT32_MAX)) {
      throw new BadRequestException(`n: must be a revision number (at most ${INT32_MAX})`);
    }
    return n;
  },
};

@ApiTags('letters')
@ApiSignedIn()
@Controller('api')
export class LettersController {
  constructor(
    private readonly letters: LettersService,
    private readonly publishing: PublishingService,
    private readonly comments: CommentsService,
  ) {}

  @Post('campaigns/:cid/letters')
  @Can(Action.Draft)
  @ApiOperation({ summary: 'A new letter in draft, as revision 1' })
  @ApiCreatedResponse({ type: LetterView })
  @ApiResponse({
    status: 422,
    type: RefusedContentErrorView,
    description: 'the campaign is archived, or the body uses Markdown letters do not',
  })
  @ApiErrors(404, 413)
  createLetter(
    @Param('cid') cid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: CreateLetterDto,
  ): Promise<LetterView> {
    return this.letters.create(cid, auth.user.id, {
      content: dto.content,
      settings: dto.settings,
    });
  }

  @Get('campaigns/:cid/letters')
  @Can(Action.Read)
  @ApiOperation({
    summary: "A campaign's letters, newest first, with their titles and sign-on counts",
  })
  @ApiOkResponse({ type: [LetterSummaryView] })
  @ApiErrors(404)
  listLetters(@Param('cid') cid: string): Promise<LetterSummaryView[]> {
    return this.letters.list(cid);
  }

  @Get('letters/:lid')
  @Can(Action.Read)
  @ApiOperation({ summary: 'The letter with its latest revision’s content and its settings' })
  @ApiOkResponse({ type: LetterView })
  @ApiErrors(404)
  getLetter(@Param('lid') lid: string): Promise<LetterView> {
    return this.letters.get(lid);
  }

  @Put('letters/:lid/draft')
  @Can(Action.Draft)
  @ApiOperation({
    summary: 'Save a new revision; 409 with the current one when baseRevision is stale',
  })
  @ApiOkResponse({ type: SavedDraftView })
  @ApiResponse({
    status: 409,
    type: StaleRevisionErrorView,
    description: 'someone saved since baseRevision: nothing was written; merge into this and save',
  })
  @ApiResponse({
    status: 422,
    type: RefusedContentErrorView,
    description: 'the letter is final, or the body uses Markdown letters do not',
  })
  @ApiErrors(404, 413)
  saveDraft(
    @Param('lid') lid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: SaveDraftDto,
  ): Promise<SavedDraftView> {
    return this.letters.saveDraft(lid, auth.user.id, {
      ...dto,
      content: dto.content,
    });
  }

  @Patch('letters/:lid/settings')
  @Can(Action.Publish)
  @ApiOperation({ summary: 'Change some settings, keeping the rest; answers them all' })
  @ApiOkResponse({ type: LetterSettingsView })
  @ApiErrors(404)
  updateSettings(
    @Param('lid') lid: string,
    @Body() dto: LetterSettingsDto,
  ): Promise<LetterSettingsView> {
    return this.letters.updateSettings(lid, dto);
  }

  @Get('letters/:lid/revisions')
  @Can(Action.Read)
  @ApiOperation({ summary: 'Every revision, oldest first, without content' })
  @ApiOkResponse({ type: [RevisionSummaryView] })
  @ApiErrors(404)
  listRevisions(@Param('lid') lid: string): Promise<RevisionSummaryView[]> {
    return this.letters.revisions(lid);
  }

  @Get('letters/:lid/revisions/:n')
  @Can(Action.Read)
  @ApiOperation({ summary: 'One revision with its content; revisions never change' })
  @ApiOkResponse({ type: RevisionView })
  @ApiErrors(404)
  getRevision(
    @Param('lid') lid: string,
    @Param('n', revisionNumber) n: number,
  ): Promise<RevisionView> {
    return this.letters.revision(lid, n);
  }

  @Get('letters/:lid/diff')
  @Can(Action.Read)
  @ApiOperation({
    summary:
      'Word-level differences per field between two revisions, as read (runs) and as written (sourceRuns)',
  })
  @ApiOkResponse({ type: LetterDiffDto })
  @ApiErrors(404)
  diffRevisions(@Param('lid') lid: string, @Query() query: DiffQueryDto): Promise<LetterDiffDto> {
    return this.letters.diff(lid, query.from, query.to);
  }

  @Post('letters/:lid/comments')
  @Can(Action.Comment)
  @ApiOperation({ summary: 'Comment on a revision, optionally quoting the passage' })
  @ApiCreatedResponse({ type: CommentView })
  @ApiErrors(404, 413)
  addComment(
    @Param('lid') lid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: AddCommentDto,
  ): Promise<CommentView> {
    return this.comments.add(lid, auth.user.id, dto);
  }

  @Get('letters/:lid/comments')
  @Can(Action.Read)
  @ApiOperation({ summary: 'Open comments first, then resolved ones' })
  @ApiOkResponse({ type: [CommentView] })
  @ApiErrors(404)
  listComments(@Param('lid') lid: string): Promise<CommentView[]> {
    return this.comments.list(lid);
  }

  @Post('letters/:lid/comments/:commentId/resolve')
  @HttpCode(200)
  @Can(Action.Comment)
  @ApiOperation({ summary: 'Mark a comment resolved, by the caller' })
  @ApiOkResponse({ type: CommentView })
  @ApiErrors(404)
  resolveComment(
    @Param('lid') lid: string,
    @Param('commentId') id: string,
    @CurrentAuth() auth: RequestAuth,
  ): Promise<CommentView> {
    return this.comments.setResolved(lid, id, auth.user.id, true);
  }

  @Post('letters/:lid/comments/:commentId/reopen')
  @HttpCode(200)
  @Can(Action.Comment)
  @ApiOperation({ summary: 'Open a resolved comment again' })
  @ApiOkResponse({ type: CommentView })
  @ApiErrors(404)
  reopenComment(
    @Param('lid') lid: string,
    @Param('commentId') id: string,
    @CurrentAuth() auth: RequestAuth,
  ): Promise<CommentView> {
    return this.comments.setResolved(lid, id, auth.user.id, false);
  }

  @Post('letters/:lid/publish')
  @HttpCode(200)
  @Can(Action.Publish)
  @ApiOperation({
    summary:
      'Open for sign-on: freeze a revision (default latest) until the deadline; a newer one as a substantive change or a correction',
  })
  @ApiOkResponse({ type: PublishedView })
  // 422: the letter is final, the revision has no addressee, or a correction is refused (`kind`).
  @ApiErrors(404, 422)
  publishLetter(
    @Param('lid') lid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: PublishDto,
  ): Promise<PublishedView> {
    return this.publishing.publish(lid, auth.user.id, {
      revision: dto.revision,
      deadline: dto.deadline,
      kind: dto.kind,
      reason: dto.reason,
    });
  }

  @Post('letters/:lid/close')
  @HttpCode(200)
  @Can(Action.Publish)
  @ApiOperation({ summary: 'Close sign-on now, before the deadline' })
  @ApiOkResponse({ type: ClosedView })
  // 422: only an open letter can be closed.
  @ApiErrors(404, 422)
  closeLetter(@Param('lid') lid: string, @CurrentAuth() auth: RequestAuth): Promise<ClosedView> {
    return this.publishing.close(lid, auth.user.id);
  }
}
