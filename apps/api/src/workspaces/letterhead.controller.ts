import { Action, LetterheadService } from '@app/domain';
import { MAX_LOGO_BYTES } from '@app/pdf';
import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Can, CurrentAuth, type RequestAuth } from '../auth/auth.decorators';
import { ApiSignedIn } from '../http/openapi/responses';

/** The workspace's letterhead logo, printed at the top of its final PDFs. */
@ApiTags('final PDF')
@ApiSignedIn()
@Controller('api/workspaces/:wid/letterhead')
export class LetterheadController {
  constructor(private readonly letterhead: LetterheadService) {}

  @Put()
  @Can(Action.RenderPdf)
  @ApiConsumes('image/png', 'image/jpeg')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: `Set the logo: the image bytes as image/png or image/jpeg, at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`,
  })
  put(@Param('wid') wid: string, @CurrentAuth() auth: RequestAuth, @Body() image: unknown) {
    return this.letterhead.put(wid, auth.user.id, image);
  }

  @Get()
  @Can(Action.Read)
  @ApiOperation({ summary: 'The logo (404 when none is set)' })
  async get(@Param('wid') wid: string, @Res() res: Response): Promise<void> {
    const { data, contentType } = await this.letterhead.get(wid);
    res.setHeader('Content-Type', contentType);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.send(data);
  }

  @Delete()
  @HttpCode(204)
  @Can(Action.RenderPdf)
  @ApiOperation({ summary: 'Remove the logo' })
  async remove(@Param('wid') wid: string, @CurrentAuth() auth: RequestAuth): Promise<void> {
    await this.letterhead.remove(wid, auth.user.id);
  }
}
