import type { Agency } from '@liaison/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../../app/accounts-api.ts';
import { useDraft } from '../../app/draft.ts';
import { fieldErrors } from '../../app/problem.ts';
import { Field } from '../../ui/Field.tsx';
import { EmptyState, Loading, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useUnits } from '../../ui/use-agencies.ts';

/** The units of one agency, and a form to add one. */
export function UnitsPanel({ agency, canManage }: { agency: Agency; canManage: boolean }) {
  const { t } = useTranslation(['admin', 'ui']);
  const units = useUnits(agency.id);
  const [draft, update, clear] = useDraft(`admin.unit.${agency.id}`, { name: '' });
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const errors = fieldErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const unit = await accountsApi.createUnit(agency.id, draft.name);
      clear();
      setNotice(t('units.created_ok', { name: unit.name }));
      units.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Panel
      title={t('units.title', { agency: agency.code })}
      actions={<span className="count">{units.data?.length ?? ''}</span>}
    >
      {units.loading && !units.data && <Loading />}
      <ProblemNotice error={units.error} />
      {units.data?.length === 0 && <EmptyState />}
      <ul className="plain-list" data-testid="units-list">
        {units.data?.map((unit) => (
          <li key={unit.id}>{unit.name}</li>
        ))}
      </ul>
      {canManage && (
        <form className="form form-inline" onSubmit={submit} noValidate aria-label={t('units.create')}>
          <Field label={t('units.name')} error={errors.name} required>
            {(control) => (
              <input
                {...control}
                name="unitName"
                value={draft.name}
                onChange={(e) => update({ name: e.target.value })}
              />
            )}
          </Field>
          <ProblemNotice error={error && !errors.name ? error : null} />
          <div className="form-actions">
            <button type="submit" className="button">
              {t('units.create')}
            </button>
          </div>
          <p className="notice notice-ok" role="status">
            {notice}
          </p>
        </form>
      )}
    </Panel>
  );
}
