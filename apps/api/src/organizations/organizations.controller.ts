import {
  Action,
  DirectoryCsvService,
  DomainError,
  OrganizationsService,
  CSV_MAX_BYTES,
} from '@app/domain';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Can } from '../auth/auth.decorators';
import { DirectoryQueryDto, ImportQueryDto, MergeDto, OrganizationDto } from './organizations.dto';
import { ApiSignedIn } from '../http/openapi/responses';

@ApiTags('organizations')
@ApiSignedIn()
@Controller('api')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly csv: DirectoryCsvService,
  ) {}

  @Post('workspaces/:wid/organizations')
  @Can(Action.ManageDirectory)
  @ApiOperation({ summary: 'Add an organization; likely duplicates are listed, not refused' })
  async create(@Param('wid') wid: string, @Body() dto: OrganizationDto) {
    const { organization, possibleDuplicates } = await this.organizations.create(wid, dto);
    return { ...organization, possibleDuplicates };
  }

  @Get('workspaces/:wid/organizations')
  @Can(Action.Read)
  list(@Param('wid') wid: string, @Query() query: DirectoryQueryDto) {
    return this.organizations.list(wid, {
      search: query.search,
      tag: query.tag,
      page: query.page ?? 1,
      limit: query.limit ?? 50,
      includeArchived: query.archived === 'true',
    });
  }

  @Get('workspaces/:wid/organizations/duplicates')
  @Can(Action.Read)
  @ApiOperation({ summary: 'Groups of organizations whose names are likely the same' })
  duplicates(@Param('wid') wid: string) {
    return this.organizations.duplicates(wid);
  }

  @Post('workspaces/:wid/organizations/import')
  @HttpCode(200)
  @Can(Action.ManageDirectory)
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiOperation({
    summary:
      'CSV import (name,email,contact_name,country,website,tags); all or nothing unless ?partial=true',
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: CSV_MAX_BYTES, files: 1 } }))
  import(
    @Param('wid') wid: string,
    @Query() query: ImportQueryDto,
    @Req() req: Request,
    @UploadedFile() file?: { buffer: Buffer },
  ) {
    const body: unknown = req.body;
    const content = file?.buffer ?? (Buffer.isBuffer(body) ? body : undefined);
    if (!content) {
      throw DomainError.invalid('file', 'send the CSV as a text/csv body or as a multipart "file"');
    }
    return this.csv.import(wid, content, query.partial === 'true');
  }

  @Get('workspaces/:wid/organizations.csv')
  @Can(Action.Export)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="organizations.csv"')
  export(@Param('wid') wid: string) {
    return this.csv.export(wid);
  }

  @Get('organizations/:oid')
  @Can(Action.Read)
  get(@Param('oid') oid: string) {
    return this.organizations.get(oid);
  }

  @Patch('organizations/:oid')
  @Can(Action.ManageDirectory)
  @ApiOperation({ summary: 'Edit, or archive with {archived: true}' })
  update(@Param('oid') oid: string, @Body() dto: OrganizationDto) {
    return this.organizations.update(oid, dto);
  }

  @Post('organizations/:oid/merge')
  @HttpCode(200)
  @Can(Action.ManageDirectory)
  @ApiOperation({ summary: 'Merge this (duplicate) organization into another, which stays' })
  merge(@Param('oid') oid: string, @Body() dto: MergeDto) {
    return this.organizations.merge(oid, dto.into);
  }

  @Delete('organizations/:oid')
  @HttpCode(204)
  @Can(Action.ManageDirectory)
  async remove(@Param('oid') oid: string): Promise<void> {
    await this.organizations.remove(oid);
  }
}
