import type { Role, User } from '@liaison/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../../app/accounts-api.ts';
import { useDraft } from '../../app/draft.ts';
import { fieldErrors } from '../../app/problem.ts';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import type { Language, TimeZone } from './options.ts';
import { PreferenceFields } from './PreferenceFields.tsx';
import { RolesFieldset } from './RolesFieldset.tsx';
import { UnitSelect } from './UnitSelect.tsx';

interface Details {
  displayName: string;
  unitId: string;
  roles: Role[];
  language: Language;
  timeZone: TimeZone;
}

function detailsOf(user: User): Details {
  return {
    displayName: user.displayName,
    unitId: user.unitId ?? '',
    roles: user.roles,
    language: user.language,
    timeZone: user.timeZone,
  };
}

/** Name, unit, roles and preferences of a user; unsaved changes stay as a draft. */
export function UserDetailsForm({
  user,
  readOnly,
  onSaved,
}: {
  user: User;
  readOnly: boolean;
  onSaved: (user: User) => void;
}) {
  const { t } = useTranslation(['admin', 'ui']);
  const [draft, update, clear] = useDraft<Details>(`admin.user.${user.id}`, detailsOf(user));
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const saved = await accountsApi.updateUser(user.id, { ...draft, unitId: draft.unitId || null });
      clear(detailsOf(saved));
      setNotice(t('edit.saved'));
      onSaved(saved);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel title={t('edit.account')}>
      <form className="form" onSubmit={submit} noValidate data-testid="user-details-form">
        <fieldset className="plain-fieldset" disabled={readOnly}>
          <Field label={t('users.name')} error={errors.displayName} required>
            {(control) => (
              <input
                {...control}
                name="displayName"
                value={draft.displayName}
                onChange={(e) => update({ displayName: e.target.value })}
              />
            )}
          </Field>
          <UnitSelect
            agencyId={user.agencyId}
            value={draft.unitId}
            onChange={(unitId) => update({ unitId })}
            error={errors.unitId}
          />
          <RolesFieldset value={draft.roles} onChange={(roles) => update({ roles })} error={errors.roles} />
          <PreferenceFields
            language={draft.language}
            timeZone={draft.timeZone}
            errors={errors}
            onChange={(p) => update(p)}
          />
        </fieldset>
        <ProblemNotice error={error} />
        {!readOnly && (
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('ui:actions.saving') : t('ui:actions.save')}
            </button>
            <p className="notice notice-ok" role="status">
              {notice}
            </p>
          </div>
        )}
      </form>
    </Panel>
  );
}
