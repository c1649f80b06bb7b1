import { Action, atLeast, minimumRole, roles, seesDeliveredNames } from '@app/domain';
import * as web from '../../apps/web/src/lib/roles';

/**
 * The web app hides what the API would refuse; its rules (apps/web/src/lib/roles.ts) are a
 * copy, since browser code imports no server code. This keeps the copy equal to the table.
 */
describe('the web app’s role rules match the API’s permission table', () => {
  const rules: [keyof typeof web, Action][] = [
    ['managesCampaigns', Action.ManageCampaigns],
    ['publishes', Action.Publish],
    ['drafts', Action.Draft],
    ['comments', Action.Comment],
    ['moderates', Action.ModerateSignatures],
    ['managesDirectory', Action.ManageDirectory],
    ['viewsActivity', Action.ViewActivity],
    ['exportsAll', Action.Export],
    ['rendersPdf', Action.RenderPdf],
    ['viewsAudit', Action.ViewAudit],
    ['invitesOrganizations', Action.InviteOrganizations],
  ];

  it.each(rules)('%s is %s', (rule, action) => {
    for (const role of roles) {
      expect([role, web[rule](role)]).toEqual([role, atLeast(role, minimumRole[action])]);
    }
  });

  it('seesDeliveredNames is the domain’s rule', () => {
    for (const role of roles) {
      expect([role, web.seesDeliveredNames(role)]).toEqual([role, seesDeliveredNames(role)]);
    }
  });

  it('every rule the web app exports is checked here', () => {
    expect(Object.keys(web).sort()).toEqual(
      [...rules.map(([rule]) => rule), 'seesDeliveredNames'].sort(),
    );
  });
});
