import { viewsActivity, viewsAudit } from '../../../lib/roles';
import { Deadline, StatusBadge } from '../status';
import { ActivityFeed } from './activity-feed';
import { AuditBadge } from './audit-badge';
import { CsvLinks } from './csv-links';
import { SignOnChart } from './sign-on-chart';
import { StatsSection } from './stats-section';
import { TrackingPage, useTracking } from './tracking-layout';

/** /w/:wid/letters/:lid/dashboard: where the sign-ons stand, kept up to date live. */
export function DashboardPage() {
  const { lid, letter, role } = useTracking();
  return (
    <TrackingPage title="Dashboard">
      <p className="letter-state">
        <StatusBadge status={letter.status} /> <Deadline letter={letter} /> · organizations sign
        revision {letter.publishedRevision}
      </p>
      {viewsAudit(role) && <AuditBadge lid={lid} />}
      <StatsSection lid={lid} published={letter.publishedRevision ?? 0} />
      <section aria-labelledby="over-time">
        <h2 id="over-time">Sign-ons over time</h2>
        <SignOnChart lid={lid} deadline={letter.deadline} timeZone={letter.timeZone} />
      </section>
      {viewsActivity(role) && (
        <section aria-labelledby="latest-activity">
          <h2 id="latest-activity">Latest activity</h2>
          <ActivityFeed lid={lid} />
        </section>
      )}
      <section aria-labelledby="exports">
        <h2 id="exports">Exports</h2>
        <CsvLinks lid={lid} role={role} />
      </section>
    </TrackingPage>
  );
}
