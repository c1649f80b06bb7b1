import { Action, MembersService, type MembershipEntity } from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentMembership } from '../auth/auth.decorators';
import { AddMemberDto, ChangeRoleDto } from './workspaces.dto';
import { ApiSignedIn } from '../http/openapi/responses';

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
  })
  add(
    @Param('wid') wid: string,
    @CurrentMembership() me: MembershipEntity,
    @Body() dto: AddMemberDto,
  ) {
    return this.members.add(wid, acting(me), dto);
  }

  @Get()
  @Can(Action.Read)
  @ApiOperation({ summary: 'Members with their roles, and pending join invitations' })
  list(@Param('wid') wid: string) {
    return this.members.list(wid);
  }

  @Patch(':uid')
  @Can(Action.ManageMembers)
  changeRole(
    @Param('wid') wid: string,
    @Param('uid') uid: string,
    @CurrentMembership() me: MembershipEntity,
    @Body() dto: ChangeRoleDto,
  ) {
    return this.members.changeRole(wid, acting(me), uid, dto.role);
  }

  /** Removing someone else needs ManageMembers; leaving (your own id) needs only Read. */
  @Delete(':uid')
  @HttpCode(204)
  @Can(Action.Read)
  async remove(
    @Param('wid') wid: string,
    @Param('uid') uid: string,
    @CurrentMembership() me: MembershipEntity,
  ): Promise<void> {
    await this.members.remove(wid, acting(me), uid);
  }
}
