import { Action, CampaignsService } from '@app/domain';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Can, CurrentAuth, type RequestAuth } from '../auth/auth.decorators';
import { CampaignDto, UpdateCampaignDto } from '../letters/letters.dto';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';
import { campaignView, CampaignView } from './campaigns.views';

@ApiTags('campaigns')
@ApiSignedIn()
@Controller('api')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post('workspaces/:wid/campaigns')
  @Can(Action.ManageCampaigns)
  @ApiOperation({ summary: 'Create a campaign (leads)' })
  @ApiCreatedResponse({ type: CampaignView })
  @ApiErrors(404)
  async createCampaign(
    @Param('wid') wid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: CampaignDto,
  ): Promise<CampaignView> {
    return campaignView(await this.campaigns.create(wid, auth.user.id, dto));
  }

  @Get('workspaces/:wid/campaigns')
  @Can(Action.Read)
  @ApiOperation({ summary: "The workspace's campaigns, newest first; archived ones on request" })
  @ApiQuery({
    name: 'archived',
    required: false,
    enum: ['true', 'false'],
    description: 'true: include archived campaigns',
  })
  @ApiOkResponse({ type: [CampaignView] })
  @ApiErrors(404)
  async listCampaigns(
    @Param('wid') wid: string,
    @Query('archived') archived?: string,
  ): Promise<CampaignView[]> {
    return (await this.campaigns.list(wid, archived === 'true')).map(campaignView);
  }

  @Get('campaigns/:cid')
  @Can(Action.Read)
  @ApiOperation({ summary: 'A campaign' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(404)
  async getCampaign(@Param('cid') cid: string): Promise<CampaignView> {
    return campaignView(await this.campaigns.get(cid));
  }

  @Patch('campaigns/:cid')
  @Can(Action.ManageCampaigns)
  @ApiOperation({ summary: 'Rename, describe, archive (archived: true) or unarchive' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(404)
  async updateCampaign(
    @Param('cid') cid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: UpdateCampaignDto,
  ): Promise<CampaignView> {
    return campaignView(await this.campaigns.update(cid, auth.user.id, dto));
  }
}
