import { useTranslation } from 'react-i18next';
import { useDraft } from '../../../app/draft.ts';
import { useCan } from '../../../app/session.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { ProblemNotice } from '../../../ui/ProblemNotice.tsx';
import { rescueApi } from '../rescue-api.ts';
import { Actions, type FormProps, reasonCheck, TeamOnly, useSubmit } from './shared.tsx';

const roles = ['victim', 'suspect', 'witness'] as const;

/** Victim, suspect or witness: a role that changes, each change with its reason (triage officers). */
export function RoleForm({ c, onTeam, reload }: FormProps) {
  const { t } = useTranslation('rescue');
  const can = useCan();
  const [draft, update, clear] = useDraft(`rescue.${c.id}.role`, {
    role: roles.find((r) => r !== c.personRole) ?? 'suspect',
    reason: '',
  });
  const { submit, fieldError, general, busy, saved } = useSubmit(reload);
  return (
    <Panel title={t('forms.role.title')}>
      <p>
        {t('forms.role.current')}:{' '}
        <strong data-testid="person-role">{t(`forms.role.roles.${c.personRole}`)}</strong>
      </p>
      <TeamOnly onTeam={onTeam}>
        {can('rescue.triage') ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit(
                { '/reason': reasonCheck(draft.reason, t('forms.reasonMin')) },
                () => rescueApi.role(c.id, draft.role, draft.reason.trim()),
                () => clear(),
              );
            }}
          >
            <Field label={t('forms.role.role')} error={fieldError('/role')}>
              {(control) => (
                <select
                  {...control}
                  name="role"
                  value={draft.role}
                  onChange={(e) => update({ role: e.target.value as (typeof roles)[number] })}
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`forms.role.roles.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('forms.role.reason')} error={fieldError('/reason')} required>
              {(control) => (
                <input
                  {...control}
                  name="role-reason"
                  value={draft.reason}
                  onChange={(e) => update({ reason: e.target.value })}
                />
              )}
            </Field>
            <ProblemNotice error={general} />
            <Actions busy={busy} saved={saved} label={t('forms.role.submit')} testId="role-submit" />
          </form>
        ) : (
          <p className="notice">{t('forms.triageOnly')}</p>
        )}
      </TeamOnly>
    </Panel>
  );
}
