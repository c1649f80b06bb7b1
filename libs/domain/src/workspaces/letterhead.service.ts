import { FileStorage } from '@app/files';
import { checkLogo, PdfInputError, type CheckedLogo } from '@app/pdf';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../errors/domain-error';
import { WorkspaceEntity } from './workspace.entity';

/** The workspace's letterhead logo, printed at the top of its final PDFs. */
@Injectable()
export class LetterheadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileStorage,
    private readonly audit: AuditService,
  ) {}

  /** Checks the image whole (PNG or JPEG, at most 2 MB) before anything is stored. */
  async put(workspaceId: string, actorId: string, image: unknown): Promise<CheckedLogo> {
    if (!Buffer.isBuffer(image) || image.length === 0) {
      throw DomainError.invalid('body', 'expected the image bytes, as image/png or image/jpeg');
    }
    let checked;
    try {
      checked = checkLogo(image);
    } catch (error) {
      if (error instanceof PdfInputError) throw DomainError.invalid('logo', error.message);
      throw error;
    }
    const key = `letterheads/${workspaceId}.${checked.format === 'png' ? 'png' : 'jpg'}`;
    await this.files.write(key, image);
    const previous = await this.dataSource.transaction(async (manager) => {
      const workspace = await manager.findOneByOrFail(WorkspaceEntity, { id: workspaceId });
      const before = workspace.letterheadKey;
      workspace.letterheadKey = key;
      await manager.save(workspace);
      await this.audit.append(manager, workspaceId, {
        actor: { type: 'user', id: actorId },
        action: 'workspace.letterhead_set',
        subject: { type: 'workspace', id: workspaceId },
        data: { ...checked, bytes: image.length },
      });
      return before;
    });
    // Only once the new key is committed may the old file go.
    if (previous && previous !== key) await this.files.remove(previous);
    return checked;
  }

  /** The stored image and its type; 404 when there is none. */
  async get(workspaceId: string): Promise<{ data: Buffer; contentType: string }> {
    const workspace = await this.dataSource
      .getRepository(WorkspaceEntity)
      .findOneByOrFail({ id: workspaceId });
    if (!workspace.letterheadKey) throw DomainError.notFound('letterhead');
    return {
      data: await this.files.read(workspace.letterheadKey),
      contentType: workspace.letterheadKey.endsWith('.png') ? 'image/png' : 'image/jpeg',
    };
  }

  async remove(workspaceId: string, actorId: string): Promise<void> {
    const removed = await this.dataSource.transaction(async (manager) => {
      const workspace = await manager.findOneByOrFail(WorkspaceEntity, { id: workspaceId });
      if (!workspace.letterheadKey) return null;
      const key = workspace.letterheadKey;
      workspace.letterheadKey = null;
      await manager.save(workspace);
      await this.audit.append(manager, workspaceId, {
        actor: { type: 'user', id: actorId },
        action: 'workspace.letterhead_removed',
        subject: { type: 'workspace', id: workspaceId },
      });
      return key;
    });
    if (removed) await this.files.remove(removed);
  }
}
