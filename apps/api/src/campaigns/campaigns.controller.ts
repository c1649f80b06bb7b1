import { Action, CampaignsService, type CampaignEntity } from '@app/domain';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Can, CurrentAuth, type RequestAuth } from '../auth/auth.decorators';
import { CampaignDto, UpdateCampaignDto } from '../letters/letters.dto';
import { ApiSignedIn } from '../http/openapi/responses';

const view = (c: CampaignEntity) => ({
  id: c.id,
  workspaceId: c.workspaceId,
  name: c.name,
  description: c.description,
  archived: c.archivedAt !== null,
  createdAt: c.createdAt,
});

@ApiTags('campaigns')
@ApiSignedIn()
@Controller('api')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post('workspaces/:wid/campaigns')
  @Can(Action.ManageCampaigns)
  async create(
    @Param('wid') wid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: CampaignDto,
  ) {
    return view(await this.campaigns.create(wid, auth.user.id, dto));
  }

  @Get('workspaces/:wid/campaigns')
  @Can(Action.Read)
  @ApiQuery({ name: 'archived', required: false, description: 'true: include archived campaigns' })
  async list(@Param('wid') wid: string, @Query('archived') archived?: string) {
    return (await this.campaigns.list(wid, archived === 'true')).map(view);
  }

  @Get('campaigns/:cid')
  @Can(Action.Read)
  async get(@Param('cid') cid: string) {
    return view(await this.campaigns.get(cid));
  }

  @Patch('campaigns/:cid')
  @Can(Action.ManageCampaigns)
  @ApiOperation({ summary: 'Rename, describe, archive (archived: true) or unarchive' })
  async update(
    @Param('cid') cid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: UpdateCampaignDto,
  ) {
    return view(await this.campaigns.update(cid, auth.user.id, dto));
  }
}
