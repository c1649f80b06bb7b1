import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { LoadFailed, Loading, Page } from '../../components/page';
import { useWorkspace } from '../workspace/queries';
import { NewCampaignForm } from './new-campaign-form';
import { useCampaigns } from './queries';
import { managesCampaigns } from '../../lib/roles';

/** /w/:wid, the workspace's home: its campaigns, and a new one for those who may. */
export function CampaignsPage() {
  const { wid = '' } = useParams();
  const workspace = useWorkspace(wid);
  const [archived, setArchived] = useState(false);
  const campaigns = useCampaigns(wid, archived);
  const canManage = workspace.data ? managesCampaigns(workspace.data.role) : false;

  return (
    <Page title="Campaigns" lead={workspace.data && `The campaigns of ${workspace.data.name}.`}>
      <div className="field field--inline">
        <input
          id="show-archived"
          type="checkbox"
          checked={archived}
          onChange={(e) => setArchived(e.target.checked)}
        />
        <label htmlFor="show-archived">Show archived campaigns</label>
      </div>
      {campaigns.isPending ? (
        <Loading what="the campaigns" />
      ) : campaigns.isError ? (
        <LoadFailed what="the campaigns" retry={() => void campaigns.refetch()} />
      ) : campaigns.data.length === 0 ? (
        <p className="empty">
          {archived ? 'No campaigns yet.' : 'No campaigns yet, or only archived ones.'}
        </p>
      ) : (
        <ul className="list card" aria-label="Campaigns">
          {campaigns.data.map((c) => (
            <li key={c.id} className="list-row">
              <Link to={`/w/${wid}/campaigns/${c.id}`} className="list-title">
                {c.name}
              </Link>
              <span className="list-meta">
                {c.archived && <span className="badge">Archived</span>}{' '}
                {c.description ?? `Created ${new Date(c.createdAt).toLocaleDateString()}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canManage && <NewCampaignForm wid={wid} />}
    </Page>
  );
}
