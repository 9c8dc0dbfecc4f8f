import type { Language } from '@liaison/core';
import { personRoles } from '@liaison/core/cases/person-role';
import { entityTypeNames } from '@liaison/core/graph/entity-types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../app/draft.ts';
import { ApiError } from '../../app/problem.ts';
import { Field } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { entityBody } from './entity-form.ts';
import { graphApi } from './graph-api.ts';
import { entityTypeLabel } from './labels.ts';
import { PropertyFields } from './PropertyFields.tsx';

interface Draft {
  type: string;
  role: string;
  values: Record<string, string>;
}

/** Adds one entity to a case; each field built from the type's description, errors under the field. */
export function AddEntityForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t, i18n } = useTranslation('graph');
  const [draft, update, clear] = useDraft<Draft>(`case-entity.${caseId}`, {
    type: 'person',
    role: '',
    values: {},
  });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [hitCount, setHitCount] = useState<number>();
  const [busy, setBusy] = useState(false);
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);
  const language = i18n.language as Language;

  const submit = async () => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const created = await graphApi.createEntity(
        entityBody(draft.type, draft.values, { caseId, role: draft.role }),
      );
      clear({ type: draft.type, role: draft.role, values: {} });
      setHitCount(created.hits.length);
      setDone(
        [
          t('panel.added', { caption: created.entity.caption }),
          created.hits.length ? t('panel.hitsRaised', { count: created.hits.length }) : '',
        ].join(' '),
      );
      onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form"
      data-testid="entity-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="entity-form-head">
        <Field label={t('panel.type')} error={fieldError('/type')}>
          {(control) => (
            <select
              {...control}
              name="type"
              value={draft.type}
              onChange={(e) => update({ type: e.target.value, values: {} })}
            >
              {entityTypeNames.map((type) => (
                <option key={type} value={type}>
                  {entityTypeLabel(type, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.type === 'person' && (
          <Field label={t('panel.role')} error={fieldError('/role')}>
            {(control) => (
              <select
                {...control}
                name="role"
                value={draft.role}
                onChange={(e) => update({ role: e.target.value })}
              >
                <option value="">{t('panel.noRole')}</option>
                {personRoles.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <PropertyFields
        type={draft.type}
        values={draft.values}
        onChange={(values) => update({ values })}
        fieldError={fieldError}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('panel.addButton')}
        </button>
        <span role="status" className="muted" data-testid="entity-form-status" data-hits={hitCount}>
          {done}
        </span>
      </div>
      <ProblemNotice error={error} />
    </form>
  );
}
