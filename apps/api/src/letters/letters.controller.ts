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
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ApiSignedIn } from '../http/openapi/responses';

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
  create(
    @Param('cid') cid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: CreateLetterDto,
  ) {
    return this.letters.create(cid, auth.user.id, {
      content: dto.content,
      settings: dto.settings,
    });
  }

  @Get('letters/:lid')
  @Can(Action.Read)
  get(@Param('lid') lid: string) {
    return this.letters.get(lid);
  }

  @Put('letters/:lid/draft')
  @Can(Action.Draft)
  @ApiOperation({
    summary: 'Save a new revision; 409 with the current one when baseRevision is stale',
  })
  saveDraft(
    @Param('lid') lid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: SaveDraftDto,
  ) {
    return this.letters.saveDraft(lid, auth.user.id, {
      ...dto,
      content: dto.content,
    });
  }

  @Patch('letters/:lid/settings')
  @Can(Action.Publish)
  updateSettings(@Param('lid') lid: string, @Body() dto: LetterSettingsDto) {
    return this.letters.updateSettings(lid, dto);
  }

  @Get('letters/:lid/revisions')
  @Can(Action.Read)
  revisions(@Param('lid') lid: string) {
    return this.letters.revisions(lid);
  }

  @Get('letters/:lid/revisions/:n')
  @Can(Action.Read)
  revision(@Param('lid') lid: string, @Param('n', revisionNumber) n: number) {
    return this.letters.revision(lid, n);
  }

  @Get('letters/:lid/diff')
  @Can(Action.Read)
  @ApiOperation({
    summary:
      'Word-level differences per field between two revisions, as read (runs) and as written (sourceRuns)',
  })
  @ApiOkResponse({ type: LetterDiffDto })
  diff(@Param('lid') lid: string, @Query() query: DiffQueryDto) {
    return this.letters.diff(lid, query.from, query.to);
  }

  @Post('letters/:lid/comments')
  @Can(Action.Comment)
  addComment(
    @Param('lid') lid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: AddCommentDto,
  ) {
    return this.comments.add(lid, auth.user.id, dto);
  }

  @Get('letters/:lid/comments')
  @Can(Action.Read)
  @ApiOperation({ summary: 'Open comments first, then resolved ones' })
  listComments(@Param('lid') lid: string) {
    return this.comments.list(lid);
  }

  @Post('letters/:lid/comments/:commentId/resolve')
  @HttpCode(200)
  @Can(Action.Comment)
  resolve(
    @Param('lid') lid: string,
    @Param('commentId') id: string,
    @CurrentAuth() auth: RequestAuth,
  ) {
    return this.comments.setResolved(lid, id, auth.user.id, true);
  }

  @Post('letters/:lid/comments/:commentId/reopen')
  @HttpCode(200)
  @Can(Action.Comment)
  reopen(
    @Param('lid') lid: string,
    @Param('commentId') id: string,
    @CurrentAuth() auth: RequestAuth,
  ) {
    return this.comments.setResolved(lid, id, auth.user.id, false);
  }

  @Post('letters/:lid/publish')
  @HttpCode(200)
  @Can(Action.Publish)
  @ApiOperation({
    summary:
      'Open for sign-on: freeze a revision (default latest) until the deadline; a newer one as a substantive change or a correction',
  })
  publish(@Param('lid') lid: string, @CurrentAuth() auth: RequestAuth, @Body() dto: PublishDto) {
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
  close(@Param('lid') lid: string, @CurrentAuth() auth: RequestAuth) {
    return this.publishing.close(lid, auth.user.id);
  }
}
