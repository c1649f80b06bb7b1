import {
  Action,
  AuditService,
  WorkspacesService,
  type MembershipEntity,
  type MyWorkspace,
} from '@app/domain';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentAuth, CurrentMembership, type RequestAuth } from '../auth/auth.decorators';
import { WorkspaceNameDto } from './workspaces.dto';

@ApiTags('workspaces')
@ApiBearerAuth()
@Controller('api/workspaces')
export class WorkspacesController {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a workspace (a coalition); the caller becomes its owner' })
  async create(@CurrentAuth() auth: RequestAuth, @Body() dto: WorkspaceNameDto) {
    const { id, name, slug } = await this.workspaces.create(auth.user.id, dto.name);
    return { id, name, slug };
  }

  @Get()
  @ApiOperation({ summary: "The caller's workspaces with their role in each" })
  list(@CurrentAuth() auth: RequestAuth): Promise<MyWorkspace[]> {
    return this.workspaces.listFor(auth.user.id);
  }

  @Get(':wid')
  @Can(Action.Read)
  async get(@Param('wid') wid: string, @CurrentMembership() membership: MembershipEntity) {
    const { id, name, slug } = await this.workspaces.get(wid);
    return { id, name, slug, role: membership.role };
  }

  @Patch(':wid')
  @Can(Action.RenameWorkspace)
  @ApiOperation({ summary: 'Rename (owners)' })
  async rename(
    @Param('wid') wid: string,
    @CurrentAuth() auth: RequestAuth,
    @Body() dto: WorkspaceNameDto,
  ) {
    const { id, name, slug } = await this.workspaces.rename(wid, dto.name, auth.user.id);
    return { id, name, slug };
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
