import {
  Action,
  AuditService,
  WorkspacesService,
  type MembershipEntity,
  type MyWorkspace,
} from '@app/domain';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentAuth, CurrentMembership, type RequestAuth } from '../auth/auth.decorators';
import { CreateWorkspaceDto, UpdateWorkspaceDto } from './workspaces.dto';
import { ApiSignedIn } from '../http/openapi/responses';

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
  async create(@CurrentAuth() auth: RequestAuth, @Body() dto: CreateWorkspaceDto) {
    return this.workspaces.view(await this.workspaces.create(auth.user.id, dto.name, dto.timeZone));
  }

  @Get()
  @ApiOperation({ summary: "The caller's workspaces with their role in each" })
  list(@CurrentAuth() auth: RequestAuth): Promise<MyWorkspace[]> {
    return this.workspaces.listFor(auth.user.id);
  }

  @Get(':wid')
  @Can(Action.Read)
  async get(@Param('wid') wid: string, @CurrentMembership() membership: MembershipEntity) {
    return { ...this.workspaces.view(await this.workspaces.get(wid)), role: membership.role };
  }

  @Patch(':wid')
  @Can(Action.RenameWorkspace)
  @ApiOperation({ summary: 'Rename, or change the time zone (owners)' })
  async update(
    @Param('wid') wid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: UpdateWorkspaceDto,
  ) {
    return this.workspaces.view(
      await this.workspaces.update(wid, { name: dto.name, timeZone: dto.timeZone }, auth.user.id),
    );
  }

  @Get(':wid/audit')
  @Can(Action.ViewAudit)
  @ApiOperation({ summary: 'Audit events, newest first, and whether the hash chain verifies' })
  async auditTrail(@Param('wid') wid: string) {
    const [verification, events] = await Promise.all([
      this.audit.verify(wid),
      this.audit.list(wid),
    ]);
    return {
      verification,
      events: events.map((e) => ({
        seq: e.seq,
        at: e.createdAt,
        actor: { type: e.actorType, id: e.actorId },
        action: e.action,
        subject: { type: e.subjectType, id: e.subjectId },
        data: JSON.parse(e.data) as unknown,
        hash: e.hash,
      })),
    };
  }
}
