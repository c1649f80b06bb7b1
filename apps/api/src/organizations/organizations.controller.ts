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
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Can } from '../auth/auth.decorators';
import {
  DirectoryQueryDto,
  ImportQueryDto,
  MergeDto,
  OrganizationDto,
  UpdateOrganizationDto,
} from './organizations.dto';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';
import { ApiRequestContent } from '../http/openapi/request-content';
import {
  DuplicateGroupView,
  ImportRefusedView,
  ImportReportView,
  MergeResultView,
  OrganizationCreatedView,
  OrganizationLetterHistoryView,
  OrganizationPageView,
  OrganizationView,
} from './organizations.views';

const CSV_EXAMPLE =
  'name,email,contact_name,country,website,tags\r\n' +
  'Alliance des Défenseurs des Droits Humains,contact@adh.example,Fatou Ndiaye,SN,https://adh.example,press;legal\r\n';

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
  @ApiCreatedResponse({ type: OrganizationCreatedView })
  @ApiErrors(404)
  async createOrganization(
    @Param('wid') wid: string,
    @Body() dto: OrganizationDto,
  ): Promise<OrganizationCreatedView> {
    const { organization, possibleDuplicates } = await this.organizations.create(wid, dto);
    return { ...organization, possibleDuplicates };
  }

  @Get('workspaces/:wid/organizations')
  @Can(Action.Read)
  @ApiOperation({ summary: 'The directory, a page at a time: by name, tag, archived or not' })
  @ApiOkResponse({ type: OrganizationPageView })
  @ApiErrors(404)
  listOrganizations(
    @Param('wid') wid: string,
    @Query() query: DirectoryQueryDto,
  ): Promise<OrganizationPageView> {
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
  @ApiOkResponse({ type: [DuplicateGroupView] })
  @ApiErrors(404)
  duplicates(@Param('wid') wid: string): Promise<DuplicateGroupView[]> {
    return this.organizations.duplicates(wid);
  }

  @Post('workspaces/:wid/organizations/import')
  @HttpCode(200)
  @Can(Action.ManageDirectory)
  @ApiOperation({
    summary:
      'CSV import (name,email,contact_name,country,website,tags); all or nothing unless ?partial=true',
    description:
      'UTF-8 (a BOM is fine), comma- or semicolon-separated, at most 5 MB and 10,000 rows; ' +
      'tags separated by `;`. A row whose name key or email matches an organization updates it.',
  })
  // Both ways the controller reads the file: the raw body (the raw parser in bootstrap.ts),
  // or a multipart form's `file` (FileInterceptor), which is what Swagger UI sends.
  @ApiRequestContent(
    {
      'text/csv': { schema: { type: 'string', format: 'binary' }, example: CSV_EXAMPLE },
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: ['file'],
          properties: {
            file: { type: 'string', format: 'binary', description: 'the CSV file' },
          },
        },
      },
    },
    'the CSV file, as the body or as the multipart field `file`',
  )
  @ApiOkResponse({
    type: ImportReportView,
    description: 'imported (with ?partial=true: the good rows)',
  })
  @ApiResponse({
    status: 422,
    type: ImportRefusedView,
    description:
      'some rows are bad and partial is not true: nothing imported, every bad row listed',
  })
  @ApiErrors(404, 413)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: CSV_MAX_BYTES, files: 1 } }))
  importCsv(
    @Param('wid') wid: string,
    @Query() query: ImportQueryDto,
    @Req() req: Request,
    @UploadedFile() file?: { buffer: Buffer },
  ): Promise<ImportReportView> {
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
  @ApiOperation({
    summary: 'The directory as CSV (UTF-8 with BOM, CRLF; formula-like cells neutralised)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'the columns of the import, archived organizations left out',
    content: { 'text/csv': { schema: { type: 'string', example: CSV_EXAMPLE } } },
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="organizations.csv"',
        schema: { type: 'string' },
      },
    },
  })
  @ApiErrors(404)
  exportCsv(@Param('wid') wid: string): Promise<string> {
    return this.csv.export(wid);
  }

  @Get('organizations/:oid')
  @Can(Action.Read)
  @ApiOperation({ summary: 'An organization of the directory' })
  @ApiOkResponse({ type: OrganizationView })
  @ApiErrors(404)
  getOrganization(@Param('oid') oid: string): Promise<OrganizationView> {
    return this.organizations.get(oid);
  }

  @Get('organizations/:oid/history')
  @Can(Action.Read)
  @ApiOperation({
    summary: 'Every letter it was invited to or signed: invitation and sign-on, newest first',
  })
  @ApiOkResponse({ type: [OrganizationLetterHistoryView] })
  @ApiErrors(404)
  history(@Param('oid') oid: string): Promise<OrganizationLetterHistoryView[]> {
    return this.organizations.history(oid);
  }

  @Patch('organizations/:oid')
  @Can(Action.ManageDirectory)
  @ApiOperation({ summary: 'Edit, or archive with {archived: true}' })
  @ApiOkResponse({ type: OrganizationView })
  @ApiErrors(404)
  updateOrganization(
    @Param('oid') oid: string,
    @Body() dto: UpdateOrganizationDto,
  ): Promise<OrganizationView> {
    return this.organizations.update(oid, dto);
  }

  @Post('organizations/:oid/merge')
  @HttpCode(200)
  @Can(Action.ManageDirectory)
  @ApiOperation({ summary: 'Merge this (duplicate) organization into another, which stays' })
  @ApiOkResponse({ type: MergeResultView })
  @ApiErrors(404)
  merge(@Param('oid') oid: string, @Body() dto: MergeDto): Promise<MergeResultView> {
    return this.organizations.merge(oid, dto.into);
  }

  @Delete('organizations/:oid')
  @HttpCode(204)
  @Can(Action.ManageDirectory)
  @ApiOperation({
    summary: 'Delete an organization never invited nor signed (else 422: archive it)',
  })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors(404, 422)
  async removeOrganization(@Param('oid') oid: string): Promise<void> {
    await this.organizations.remove(oid);
  }
}
