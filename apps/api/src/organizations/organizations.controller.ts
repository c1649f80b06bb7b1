import {
  Action,
  DirectoryCsvService,
  DirectoryImportService,
  DomainError,
  IMPORT_PRESETS,
  mappingJson,
  OrganizationsService,
  CSV_MAX_BYTES,
  XLSX_CONTENT_TYPE,
  type ImportRequest,
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
  ImportPresetView,
  ImportPreviewView,
  ImportRefusedView,
  ImportReportView,
  MergeResultView,
  OrganizationCreatedView,
  OrganizationLetterHistoryView,
  OrganizationPageView,
  OrganizationView,
} from './organizations.views';

/**
 * The import's file and mapping, from a raw body (text/csv, the XLSX type, or octet-stream;
 * the raw parsers in bootstrap.ts) with ?mapping=/?preset=, or from a multipart form's
 * `file`, `mapping` and `preset` fields (what Swagger UI and the browser send).
 */
function importRequest(
  query: ImportQueryDto,
  req: Request,
  file?: { buffer: Buffer },
): ImportRequest {
  const body: unknown = req.body;
  const content = file?.buffer ?? (Buffer.isBuffer(body) ? body : undefined);
  if (!content) {
    throw DomainError.invalid(
      'file',
      'send the CSV or XLSX as the body (text/csv or the XLSX type) or as a multipart "file"',
    );
  }
  const form = !Buffer.isBuffer(body) && body !== null && typeof body === 'object' ? body : {};
  const field = (name: 'mapping' | 'preset'): string | undefined => {
    const value = (form as Record<string, unknown>)[name] ?? query[name];
    if (value !== undefined && typeof value !== 'string') {
      throw DomainError.invalid(name, 'send it once, as text');
    }
    return value === '' ? undefined : value;
  };
  return {
    file: content,
    mapping: field('mapping'),
    preset: field('preset'),
    partial: query.partial === 'true',
  };
}

/** The request body of the import and its preview: the file, raw or in a form. */
const ImportBody = () =>
  ApiRequestContent(
    {
      'text/csv': { schema: { type: 'string', format: 'binary' }, example: CSV_EXAMPLE },
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: ['file'],
          properties: {
            file: { type: 'string', format: 'binary', description: 'the CSV or XLSX file' },
            mapping: {
              type: 'string',
              description: 'JSON, as the query parameter `mapping`',
              example:
                '{"name":"Organization name (as it should appear on the letter)","email":"Email Address"}',
            },
            preset: { type: 'string', enum: IMPORT_PRESETS.map((p) => p.id) },
          },
        },
      },
    },
    'the CSV or XLSX file, as the body or as the multipart field `file`',
  );

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
    private readonly imports: DirectoryImportService,
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
  @ApiOperation({
    summary:
      'The directory, a page at a time: searched by name, by tag, archived or not; sorted by name, date added or last activity',
  })
  @ApiOkResponse({ type: OrganizationPageView })
  @ApiErrors(404)
  listOrganizations(
    @Param('wid') wid: string,
    @Query() query: DirectoryQueryDto,
  ): Promise<OrganizationPageView> {
    return this.organizations.list(wid, {
      search: query.search,
      tag: query.tag,
      sort: query.sort,
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
      'Import a CSV or XLSX, its columns mapped to fields (a mapping, a preset, or the fixed header); all or nothing unless ?partial=true',
    description:
      'CSV: UTF-8 (a BOM is fine), comma- or semicolon-separated. XLSX: the first worksheet ' +
      '(told by its bytes, not its name). At most 5 MB and 10,000 rows. Without `mapping` ' +
      'or `preset` the header must be name,email,contact_name,country,website,tags and the ' +
      'answer is the counts alone. A row whose name key or email matches an organization ' +
      'updates it. An import with a mapping or preset remembers the mapping for the ' +
      'workspace (the preview returns it as lastMapping).',
  })
  // Documented as before mappings (a typed client's form has the one field `file`); the
  // multipart fields `mapping` and `preset` and the XLSX type are read too, as the preview
  // documents them.
  @ApiRequestContent(
    {
      'text/csv': { schema: { type: 'string', format: 'binary' }, example: CSV_EXAMPLE },
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: ['file'],
          properties: {
            file: { type: 'string', format: 'binary', description: 'the CSV or XLSX file' },
          },
        },
      },
    },
    'the CSV or XLSX file, as the body or as the multipart field `file` (beside it, `mapping` and `preset` as in the preview)',
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
  importFile(
    @Param('wid') wid: string,
    @Query() query: ImportQueryDto,
    @Req() req: Request,
    @UploadedFile() file?: { buffer: Buffer },
  ): Promise<ImportReportView> {
    return this.imports.import(wid, importRequest(query, req, file));
  }

  @Post('workspaces/:wid/organizations/import/preview')
  @HttpCode(200)
  @Can(Action.ManageDirectory)
  @ApiOperation({
    summary: 'What the import would do with the same file and mapping; nothing is written',
    description:
      "The headers found, a suggested mapping and preset, the workspace's last mapping, " +
      'the first 20 rows as mapped, the counts (would create, would update, refused) and ' +
      'every refused row with its line and reasons. Without mapping or preset the suggested ' +
      'mapping is applied. It runs the import itself and rolls it back.',
  })
  @ImportBody()
  @ApiOkResponse({ type: ImportPreviewView })
  @ApiErrors(404, 413)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: CSV_MAX_BYTES, files: 1 } }))
  previewImport(
    @Param('wid') wid: string,
    @Query() query: ImportQueryDto,
    @Req() req: Request,
    @UploadedFile() file?: { buffer: Buffer },
  ): Promise<ImportPreviewView> {
    return this.imports.preview(wid, importRequest(query, req, file));
  }

  @Get('workspaces/:wid/organizations/import-presets')
  @Can(Action.Read)
  @ApiOperation({
    summary: 'The mappings kept for the files coalitions have (Action Network, Google Forms)',
  })
  @ApiOkResponse({ type: [ImportPresetView] })
  @ApiErrors(404)
  // The presets are the same for every workspace; `wid` is read by the permission guard,
  // and named here so that the document (and the generated client) has the parameter.
  importPresets(@Param('wid') _wid: string): ImportPresetView[] {
    return IMPORT_PRESETS.map((p) => ({
      id: p.id,
      label: p.label,
      description: p.description,
      mapping: mappingJson(p.mapping),
    }));
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
