import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { LoadFailed, Loading, Page } from '../../components/page';
import { LetterList } from '../letters/letter-list';
import { NewLetterForm } from '../letters/new-letter-form';
import { useWorkspace } from '../workspace/queries';
import { CampaignSettings } from './campaign-settings';
import { useCampaign } from './queries';
import { drafts, managesCampaigns } from '../../lib/roles';
import { InItsWorkspace } from '../workspace/in-its-workspace';

/** /w/:wid/campaigns/:cid: a campaign's letters; renaming and archiving for leads. */
export function CampaignPage() {
  const { wid = '', cid = '' } = useParams();
  const workspace = useWorkspace(wid);
  const campaign = useCampaign(cid);

  if (campaign.isError) {
    if (campaign.error instanceof ApiError && campaign.error.status === 404) {
      return (
        <Page title="Campaign not found">
          <p>
            This campaign does not exist, or is not in this workspace.{' '}
            <Link to={`/w/${wid}`}>See the campaigns</Link>.
          </p>
        </Page>
      );
    }
    return (
      <Page title="Campaign">
        <LoadFailed what="the campaign" retry={() => void campaign.refetch()} />
      </Page>
    );
  }
  if (!campaign.data || !workspace.data) {
    return (
      <Page title="Campaign">
        <Loading what="the campaign" />
      </Page>
    );
  }
  if (campaign.data.workspaceId !== wid)
    return <InItsWorkspace workspaceId={campaign.data.workspaceId} />;
  const { role } = workspace.data;
  const { archived } = campaign.data;
  return (
    <Page
      title={campaign.data.name}
      lead={
        <>
          <Link to={`/w/${wid}`}>Campaigns</Link>
          {archived && ' · archived: unarchive it to add letters'}
        </>
      }
    >
      <h2>Letters</h2>
      <LetterList wid={wid} cid={cid} />
      {drafts(role) && !archived && <NewLetterForm wid={wid} cid={cid} />}
      {managesCampaigns(role) && (
        // Keyed by campaign: another campaign starts the form from its own name.
        <CampaignSettings key={campaign.data.id} campaign={campaign.data} />
      )}
    </Page>
  );
}
