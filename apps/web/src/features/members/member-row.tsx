import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import { formErrors } from '../../api/errors';
import type { components } from '../../api/schema';
import { workspacesKey } from '../workspace/queries';
import { roleName } from '../workspace/workspace-list-page';
import type { MemberControls } from './member-rules';
import { membersKey } from './queries';

type Member = components['schemas']['MemberView'];
type Role = components['schemas']['Role'];

/** One member: name, address, role; the controls the viewer has, or why they have none. */
export function MemberRow({
  wid,
  member,
  controls,
  self,
}: {
  wid: string;
  member: Member;
  controls: MemberControls;
  self: boolean;
}) {
  const [role, setRole] = useState<Role>(member.role);
  const [problem, setProblem] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const path = { params: { path: { wid, uid: member.userId } } };
  const fail = (error: unknown) => setProblem(formErrors(error, []).form ?? '');

  const change = useMutation({
    mutationFn: () =>
      ok(api.PATCH('/api/workspaces/{wid}/members/{uid}', { ...path, body: { role } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workspaces'] }),
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: () => ok(api.DELETE('/api/workspaces/{wid}/members/{uid}', path)),
    onSuccess: async () => {
      if (self) {
        // Leaving: this workspace is no longer ours to show.
        await queryClient.invalidateQueries({ queryKey: workspacesKey });
        await navigate('/workspaces');
      } else {
        await queryClient.invalidateQueries({ queryKey: membersKey(wid) });
      }
    },
    onError: fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem('');
    change.mutate();
  };
  const confirmRemove = () => {
    const question = self
      ? 'Leave this workspace? You will need a new invitation to come back.'
      : `Remove ${member.name} from this workspace?`;
    setProblem('');
    if (window.confirm(question)) remove.mutate();
  };
  const reasonId = `member-${member.userId}-reason`;
  const problemId = `member-${member.userId}-problem`;

  return (
    <li className="list-row member-row">
      <div>
        <span className="list-title">
          {member.name}
          {self && ' (you)'}
        </span>
        <span className="list-meta">{member.email}</span>
      </div>
      {controls.roles.length > 0 ? (
        <form onSubmit={submit} className="inline-form">
          <label htmlFor={`role-${member.userId}`} className="visually-hidden">
            Role of {member.name}
          </label>
          <select
            id={`role-${member.userId}`}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {controls.roles.map((r) => (
              <option key={r} value={r}>
                {roleName(r)}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="button"
            disabled={role === member.role || change.isPending}
          >
            Change role
          </button>
        </form>
      ) : (
        <span className="list-meta">{roleName(member.role)}</span>
      )}
      <div className="inline-form">
        <button
          type="button"
          className="button"
          onClick={confirmRemove}
          disabled={!controls.canRemove || remove.isPending}
          aria-describedby={controls.reason ? reasonId : undefined}
          hidden={!controls.canRemove && !controls.reason}
        >
          {controls.removeLabel}
        </button>
      </div>
      {controls.reason && (
        <p id={reasonId} className="field-hint member-reason">
          {controls.reason}
        </p>
      )}
      <p id={problemId} role="alert" className={problem ? 'field-error' : undefined}>
        {problem}
      </p>
    </li>
  );
}
