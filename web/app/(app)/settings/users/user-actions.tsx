'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { initialFormState } from '@/app/actions/form-state';
import { updateUser } from '@/app/actions/users.actions';
import { Button } from '@/components/ui/button';
import type { Role, User } from '@/lib/api';

export function UserActions({ user, roles }: { user: User; roles: readonly Role[] }) {
  const [roleState, changeRole, rolePending] = useActionState(updateUser, initialFormState);
  const [activeState, toggleActive, activePending] = useActionState(updateUser, initialFormState);
  const error = roleState.message ?? activeState.message;
  const t = useTranslations('users');
  const roleWords = useTranslations('roles');
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <form action={changeRole} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={user.userId} />
        <label className="sr-only" htmlFor={`role-${user.userId}`}>
          {t('roleOf', { name: user.name })}
        </label>
        <select
          id={`role-${user.userId}`}
          name="role"
          defaultValue={user.role}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleWords(`label.${role}`)}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" disabled={rolePending}>
          {t('saveRole')}
        </Button>
      </form>
      <form action={toggleActive}>
        <input type="hidden" name="userId" value={user.userId} />
        <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
        <Button type="submit" variant={user.active ? 'danger' : 'secondary'} disabled={activePending}>
          {user.active ? t('deactivate') : t('reactivate')}
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
