import type { CampaignEntity } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

/** An advocacy effort in a workspace; it holds letters. */
export class CampaignView {
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '6f9d2c1a-4b3e-4f7a-9c8d-2e1b0a3f4c5d' })
  workspaceId: string;

  @ApiProperty({ example: 'Free the journalists' })
  name: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Letters to the ministries about detained reporters',
  })
  description: string | null;

  @ApiProperty({ example: false })
  archived: boolean;

  @ApiProperty({ example: '2026-03-02T09:30:00.000Z' })
  createdAt: Date;
}

export const campaignView = (c: CampaignEntity): CampaignView => ({
  id: c.id,
  workspaceId: c.workspaceId,
  name: c.name,
  description: c.description,
  archived: c.archivedAt !== null,
  createdAt: c.createdAt,
});
