import { Action, AuditService, WorkspacesService, type MembershipEntity } from '@app/domain';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentAuth, CurrentMembership, type RequestAuth } from '../auth/auth.decorators';
import { CreateWorkspaceDto, UpdateWorkspaceDto } from './workspaces.dto';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';
import { AuditTrailView, MyWorkspaceView, WorkspaceView } from './workspaces.views';

@ApiTags('workspaces')
@ApiSignedIn()
@Controller('api/workspaces')
export class WorkspacesController {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a workspace (a coalition); the caller becomes its owner' })
  @ApiCreatedResponse({ type: WorkspaceView })
  @ApiErrors()
  async createWorkspace(
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: CreateWorkspaceDto,
  ): Promise<WorkspaceView> {
    return this.workspaces.view(await this.workspaces.create(auth.user.id, dto.name, dto.timeZone));
  }

  @Get()
  @ApiOperation({ summary: "The caller's workspaces with their role in each" })
  @ApiOkResponse({ type: [MyWorkspaceView], description: 'by name' })
  @ApiErrors()
  listWorkspaces(@CurrentAuth() auth: RequestAuth): Promise<MyWorkspaceView[]> {
    return this.workspaces.listFor(auth.user.id);
  }

  @Get(':wid')
  @Can(Action.Read)
  @ApiOperation({ summary: "A workspace, with the caller's role in it" })
  @ApiOkResponse({ type: MyWorkspaceView })
  @ApiErrors(404)
  async getWorkspace(
    @Param('wid') wid: string,
    @CurrentMembership() membership: MembershipEntity,
  ): Promise<MyWorkspaceView> {
    return { ...this.workspaces.view(await this.workspaces.get(wid)), role: membership.role };
  }

  @Patch(':wid')
  @Can(Action.RenameWorkspace)
  @ApiOperation({ summary: 'Rename, or change the time zone (owners)' })
  @ApiOkResponse({ type: WorkspaceView })
  @ApiErrors(404)
  async updateWorkspace(
    @Param('wid') wid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: UpdateWorkspaceDto,
  ): Promise<WorkspaceView> {
    return this.workspaces.view(
      await this.workspaces.update(wid, { name: dto.name, timeZone: dto.timeZone }, auth.user.id),
    );
  }

  @Get(':wid/audit')
  @Can(Action.ViewAudit)
  @ApiOperation({ summary: 'Audit events, newest first, and whether the hash chain verifies' })
  @ApiOkResponse({ type: AuditTrailView })
  @ApiErrors(404)
  async auditTrail(@Param('wid') wid: string): Promise<AuditTrailView> {
    const [verification, events] = await Promise.all([
      this.audit.verify(wid),
      this.audit.list(wid),
    ]);
    return {
      verification,
      events: events.map((e) => ({
        // list() answers chained events only: seq and hash are set.
        seq: e.seq!,
        at: e.createdAt,
        actor: { type: e.actorType, id: e.actorId },
        action: e.action,
        subject: { type: e.subjectType, id: e.subjectId },
        data: JSON.parse(e.data) as Record<string, unknown>,
        hash: e.hash!,
      })),
    };
  }
}
