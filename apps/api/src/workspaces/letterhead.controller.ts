import { Action, LetterheadService } from '@app/domain';
import { MAX_LOGO_BYTES } from '@app/pdf';
import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Can, CurrentAuth, type RequestAuth } from '../auth/auth.decorators';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';
import { LetterheadView } from './workspaces.views';

const IMAGE = { type: 'string', format: 'binary' } as const;

/** The workspace's letterhead logo, printed at the top of its final PDFs. */
@ApiTags('final PDF')
@ApiSignedIn()
@Controller('api/workspaces/:wid/letterhead')
export class LetterheadController {
  constructor(private readonly letterhead: LetterheadService) {}

  @Put()
  @Can(Action.RenderPdf)
  @ApiConsumes('image/png', 'image/jpeg')
  @ApiBody({ schema: IMAGE })
  @ApiOperation({
    summary: `Set the logo: the image bytes as image/png or image/jpeg, at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`,
  })
  @ApiOkResponse({ type: LetterheadView, description: 'the image was whole; it replaces the last' })
  @ApiErrors(404, 413)
  setLogo(
    @Param('wid') wid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() image: unknown,
  ): Promise<LetterheadView> {
    return this.letterhead.put(wid, auth.user.id, image);
  }

  @Get()
  @Can(Action.Read)
  @ApiOperation({ summary: 'The logo (404 when none is set)' })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({
    description: 'the image as it was uploaded',
    content: { 'image/png': { schema: IMAGE }, 'image/jpeg': { schema: IMAGE } },
  })
  @ApiErrors(404)
  async getLogo(@Param('wid') wid: string, @Res() res: Response): Promise<void> {
    const { data, contentType } = await this.letterhead.get(wid);
    res.setHeader('Content-Type', contentType);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.send(data);
  }

  @Delete()
  @HttpCode(204)
  @Can(Action.RenderPdf)
  @ApiOperation({ summary: 'Remove the logo (no error when there is none)' })
  @ApiNoContentResponse({ description: 'no logo from now on' })
  @ApiErrors(404)
  async removeLogo(@Param('wid') wid: string, @CurrentAuth() auth: RequestAuth): Promise<void> {
    await this.letterhead.remove(wid, auth.user.id);
  }
}
