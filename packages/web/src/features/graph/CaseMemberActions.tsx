import { personRoles } from '@liaison/core/cases/person-role';
import type { CaseEntity } from '@liaison/core/graph/index';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/problem.ts';
import { Field } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { graphApi } from './graph-api.ts';

/** A person's role history in the case, newest last. */
export function RoleHistory({ history }: { history: CaseEntity['roleHistory'] }) {
  const { t } = useTranslation('graph');
  if (!history || history.length === 0) return null;
  return (
    <details className="role-history" data-testid="case-entity-role-history">
      <summary>{t('member.history', { count: history.length })}</summary>
      <ol>
        {history.map((change) => (
          <li key={`${change.changedAt}:${change.role}`}>
            <Time value={change.changedAt} />{' '}
            {t('entity.roleChange', {
              role: t(`roles.${change.role}`, { defaultValue: change.role }),
              reason: change.reason,
            })}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Change a person's role (a reason is required and kept in the history) or take an entity out of the case. */
export function CaseMemberActions({
  caseId,
  member,
  mayChangeRole,
  mayRemove,
  onChanged,
}: {
  caseId: string;
  member: CaseEntity;
  mayChangeRole: boolean;
  mayRemove: boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation('graph');
  const [mode, setMode] = useState<'idle' | 'role' | 'remove'>('idle');
  const [role, setRole] = useState(member.role ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);
  const isPerson = member.entity.type === 'person';

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setMode('idle');
      setReason('');
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (mode === 'idle')
    return (
      <span className="member-actions">
        {isPerson && mayChangeRole && (
          <button
            type="button"
            className="link-button"
            data-testid="case-entity-change-role"
            onClick={() => setMode('role')}
          >
            {t('member.changeRole')}
          </button>
        )}{' '}
        {mayRemove && (
          <button
            type="button"
            className="link-button"
            data-testid="case-entity-remove"
            onClick={() => setMode('remove')}
          >
            {t('member.remove')}
          </button>
        )}
      </span>
    );

  if (mode === 'remove')
    return (
      <div className="confirm-box" role="alertdialog" aria-label={t('member.remove')}>
        <p>{t('member.removeConfirm', { caption: member.entity.caption })}</p>
        <div className="form-actions">
          <button
            type="button"
            className="button button-danger"
            data-testid="case-entity-remove-confirm"
            disabled={busy}
            onClick={() => void act(() => graphApi.removeFromCase(caseId, member.entity.id))}
          >
            {t('member.removeButton')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setMode('idle')}>
            {t('edit.cancel')}
          </button>
        </div>
        <ProblemNotice error={error} />
      </div>
    );

  return (
    <form
      className="role-change-form"
      data-testid="case-entity-role-form"
      onSubmit={(event) => {
        event.preventDefault();
        void act(() => graphApi.changeRole(caseId, member.entity.id, { role, reason: reason.trim() }));
      }}
    >
      <Field label={t('panel.role')} error={fieldError('/role')}>
        {(control) => (
          <select {...control} name="role" value={role} onChange={(e) => setRole(e.target.value)} required>
            <option value="" />
            {personRoles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('member.reason')} required error={fieldError('/reason')}>
        {(control) => (
          <input {...control} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !role}>
          {t('member.saveRole')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setMode('idle')}>
          {t('edit.cancel')}
        </button>
      </div>
      {!fieldError('/reason') && !fieldError('/role') && <ProblemNotice error={error} />}
    </form>
  );
}
