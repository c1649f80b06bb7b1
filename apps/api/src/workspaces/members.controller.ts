import { Action, MembersService, type AddMemberResult, type MembershipEntity } from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Can, CurrentMembership } from '../auth/auth.decorators';
import { AddMemberDto, ChangeRoleDto } from './workspaces.dto';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';
import { MemberAddedView, MemberInvitedView, MemberListView, MemberView } from './workspaces.views';

const acting = (m: MembershipEntity) => ({ userId: m.userId, role: m.role });

@ApiTags('workspaces')
@ApiSignedIn()
@Controller('api/workspaces/:wid/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Post()
  @Can(Action.ManageMembers)
  @ApiOperation({
    summary: 'Add a member by email: at once with an account, else by an emailed join link',
    description: 'Leads add roles below lead; only owners grant lead and owner (else 403).',
  })
  @ApiExtraModels(MemberAddedView, MemberInvitedView)
  @ApiCreatedResponse({
    description: '`status` says which of the two happened',
    schema: {
      oneOf: [{ $ref: getSchemaPath(MemberAddedView) }, { $ref: getSchemaPath(MemberInvitedView) }],
      discriminator: {
        propertyName: 'status',
        mapping: {
          added: getSchemaPath(MemberAddedView),
          invited: getSchemaPath(MemberInvitedView),
        },
      },
    },
  })
  @ApiErrors(404, 409)
  addMember(
    @Param('wid') wid: string,
    @CurrentMembership() me: MembershipEntity,
    @Body() dto: AddMemberDto,
  ): Promise<AddMemberResult> {
    return this.members.add(wid, acting(me), dto);
  }

  @Get()
  @Can(Action.Read)
  @ApiOperation({ summary: 'Members with their roles, and pending join invitations' })
  @ApiOkResponse({ type: MemberListView })
  @ApiErrors(404)
  listMembers(@Param('wid') wid: string): Promise<MemberListView> {
    return this.members.list(wid);
  }

  @Patch(':uid')
  @Can(Action.ManageMembers)
  @ApiOperation({
    summary: "Change a member's role (leads: below lead; owners: any)",
    description: 'The last owner cannot be demoted: 422.',
  })
  @ApiOkResponse({ type: MemberView })
  @ApiErrors(404, 422)
  changeRole(
    @Param('wid') wid: string,
    @Param('uid') uid: string,
    @CurrentMembership() me: MembershipEntity,
    @Body() dto: ChangeRoleDto,
  ): Promise<MemberView> {
    return this.members.changeRole(wid, acting(me), uid, dto.role);
  }

  /** Removing someone else needs ManageMembers; leaving (your own id) needs only Read. */
  @Delete(':uid')
  @HttpCode(204)
  @Can(Action.Read)
  @ApiOperation({
    summary: 'Remove a member (leads), or leave (your own user id)',
    description: 'The last owner cannot leave or be removed: 422.',
  })
  @ApiNoContentResponse({ description: 'no longer a member' })
  @ApiErrors(404, 422)
  async removeMember(
    @Param('wid') wid: string,
    @Param('uid') uid: string,
    @CurrentMembership() me: MembershipEntity,
  ): Promise<void> {
    await this.members.remove(wid, acting(me), uid);
  }
}
