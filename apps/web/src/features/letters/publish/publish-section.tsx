import type { components } from '../../../api/schema';
import { publishes } from '../../../lib/roles';
import { useWorkspace } from '../../workspace/queries';
import { PublishDialog } from './publish-dialog';

type Letter = components['schemas']['LetterView'];

/** The publish button, for the roles that may publish; nothing for the others. */
export function PublishSection({ wid, letter }: { wid: string; letter: Letter }) {
  const workspace = useWorkspace(wid);
  if (!workspace.data || !publishes(workspace.data.role)) return null;
  return (
    <section aria-labelledby="publishing">
      <h2 id="publishing">Publishing</h2>
      <PublishDialog letter={letter} />
    </section>
  );
}
