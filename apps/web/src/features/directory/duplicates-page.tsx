import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import { formErrors } from '../../api/errors';
import type { components } from '../../api/schema';
import { LoadFailed, Loading, Page } from '../../components/page';
import { useWorkspace } from '../workspace/queries';
import { directoryKey, type Organization } from './queries';
import { useDuplicates } from './queries';
import { managesDirectory } from '../../lib/roles';

type Group = components['schemas']['DuplicateGroupView'];

/**
 * /w/:wid/directory/duplicates: organizations whose names are likely the same (the API's
 * name key: case, accents, punctuation and small words set aside), group by group; a
 * coordinator keeps one and merges the others into it.
 */
export function DuplicatesPage() {
  const { wid = '' } = useParams();
  const workspace = useWorkspace(wid);
  const duplicates = useDuplicates(wid);
  const [done, setDone] = useState('');
  const canManage = workspace.data ? managesDirectory(workspace.data.role) : false;

  return (
    <Page
      title="Likely duplicates"
      lead="Organizations whose names differ only in case, accents, punctuation or small words."
    >
      <p role="status" className="notice">
        {done}
      </p>
      {duplicates.isPending ? (
        <Loading what="the likely duplicates" />
      ) : duplicates.isError ? (
        <LoadFailed what="the likely duplicates" retry={() => void duplicates.refetch()} />
      ) : duplicates.data.length === 0 ? (
        <p className="empty">No likely duplicates in the directory.</p>
      ) : (
        duplicates.data.map((group, i) => (
          <DuplicateGroup
            key={group.key}
            wid={wid}
            group={group}
            n={i + 1}
            canManage={canManage}
            onMerged={setDone}
          />
        ))
      )}
      <p>
        <Link to={`/w/${wid}/directory`}>Back to the directory</Link>
      </p>
    </Page>
  );
}

function DuplicateGroup({
  wid,
  group,
  n,
  canManage,
  onMerged,
}: {
  wid: string;
  group: Group;
  n: number;
  canManage: boolean;
  onMerged: (message: string) => void;
}) {
  const [problem, setProblem] = useState('');
  const queryClient = useQueryClient();
  const merge = useMutation({
    // One after the other: each merge moves the duplicate's invitations and sign-ons.
    mutationFn: async (keep: Organization) => {
      for (const other of group.organizations.filter((o) => o.id !== keep.id)) {
        await ok(
          api.POST('/api/organizations/{oid}/merge', {
            params: { path: { oid: other.id } },
            body: { into: keep.id },
          }),
        );
      }
      return keep;
    },
    onSuccess: (keep) => onMerged(`Merged into “${keep.name}”.`),
    onError: (error) => setProblem(formErrors(error, []).form ?? ''),
    // Even a merge that failed half-way changed some rows: read them again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: directoryKey(wid) }),
  });

  const confirmMerge = (keep: Organization) => {
    setProblem('');
    const others = group.organizations.filter((o) => o.id !== keep.id);
    const names = others.map((o) => `“${o.name}”`).join(', ');
    const question =
      `Keep “${keep.name}” (${keep.email}) and merge ${names} into it?\n\n` +
      `“${keep.name}” stays, with its name and details; the others' invitations, sign-ons, ` +
      'addresses and tags move to it, any gaps in its details are filled from them, and the ' +
      'others are archived.';
    if (window.confirm(question)) merge.mutate(keep);
  };

  const headingId = `duplicates-${n}`;
  return (
    <section aria-labelledby={headingId} className="duplicate-group">
      <h2 id={headingId}>
        Group {n}: <bdi>{group.organizations[0]?.name}</bdi>
      </h2>
      <ul className="list card">
        {group.organizations.map((o) => (
          <li key={o.id} className="list-row">
            <div className="duplicate-who">
              <Link to={`/w/${wid}/directory/${o.id}`} className="list-title" dir="auto">
                {o.name}
              </Link>
              <span className="list-meta">
                {[o.email, o.country, o.tags.join(', ')].filter(Boolean).join(' · ')} · added{' '}
                {new Date(o.createdAt).toLocaleDateString('en', { dateStyle: 'long' })}
              </span>
            </div>
            {canManage && (
              <button
                type="button"
                className="button"
                disabled={merge.isPending}
                onClick={() => confirmMerge(o)}
              >
                Merge into this one
                <span className="visually-hidden">: keep {o.name}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {problem && (
        <p role="alert" className="form-alert">
          {problem}
        </p>
      )}
    </section>
  );
}
