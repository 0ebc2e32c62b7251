'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/app/actions/form-state';
import { updateUser } from '@/app/actions/users.actions';
import { Button } from '@/components/ui/button';
import type { Role, User } from '@/lib/api';
import { ROLE_LABELS } from '@/lib/role-labels';

export function UserActions({ user, roles }: { user: User; roles: readonly Role[] }) {
  const [roleState, changeRole, rolePending] = useActionState(updateUser, initialFormState);
  const [activeState, toggleActive, activePending] = useActionState(updateUser, initialFormState);
  const error = roleState.message ?? activeState.message;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <form action={changeRole} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={user.userId} />
        <label className="sr-only" htmlFor={`role-${user.userId}`}>
          Role of {user.name}
        </label>
        <select
          id={`role-${user.userId}`}
          name="role"
          defaultValue={user.role}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" disabled={rolePending}>
          Save role
        </Button>
      </form>
      <form action={toggleActive}>
        <input type="hidden" name="userId" value={user.userId} />
        <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
        <Button type="submit" variant={user.active ? 'danger' : 'secondary'} disabled={activePending}>
          {user.active ? 'Deactivate' : 'Reactivate'}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="w-full text-right text-sm text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
