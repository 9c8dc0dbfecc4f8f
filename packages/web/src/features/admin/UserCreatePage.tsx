import type { Role } from '@liaison/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { accountsApi } from '../../app/accounts-api.ts';
import { useDraft } from '../../app/draft.ts';
import { fieldErrors } from '../../app/problem.ts';
import { useMe } from '../../app/session.tsx';
import { Field } from '../../ui/Field.tsx';
import { PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useAgencies } from '../../ui/use-agencies.ts';
import type { Language, TimeZone } from './options.ts';
import { PreferenceFields } from './PreferenceFields.tsx';
import { RolesFieldset } from './RolesFieldset.tsx';
import { UnitSelect } from './UnitSelect.tsx';

interface UserDraft {
  email: string;
  displayName: string;
  agencyId: string;
  unitId: string;
  roles: Role[];
  language: Language;
  timeZone: TimeZone;
}

/** The new-user form. Everything but the password is kept as a draft until the user is created. */
export function UserCreatePage() {
  const { t } = useTranslation(['admin', 'ui']);
  const me = useMe();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const [draft, update, clear] = useDraft<UserDraft>('admin.user.new', {
    email: '',
    displayName: '',
    agencyId: me.agencyId,
    unitId: '',
    roles: [],
    language: 'en',
    timeZone: 'Asia/Phnom_Penh',
  });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await accountsApi.createUser({ ...draft, unitId: draft.unitId || null, password });
      clear();
      navigate(`/admin/users?agency=${user.agencyId}`, {
        state: { notice: t('users.created_ok', { email: user.email }) },
      });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <PageHeader title={t('users.createTitle')}>
        <Link to="..">{t('edit.back')}</Link>
      </PageHeader>
      <Panel title={t('edit.account')}>
        <form className="form" onSubmit={submit} noValidate data-testid="user-form">
          <p className="field-hint">{t('users.draftKept')}</p>
          <Field label={t('users.email')} error={errors.email} required>
            {(control) => (
              <input
                {...control}
                name="email"
                type="email"
                autoComplete="off"
                value={draft.email}
                onChange={(e) => update({ email: e.target.value })}
              />
            )}
          </Field>
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
          <div className="form-row">
            <Field label={t('users.agency')} error={errors.agencyId} required>
              {(control) => (
                <select
                  {...control}
                  name="agencyId"
                  value={draft.agencyId}
                  onChange={(e) => update({ agencyId: e.target.value, unitId: '' })}
                >
                  {agencies.data?.map((agency) => (
                    <option key={agency.id} value={agency.id}>
                      {agency.code} — {agency.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <UnitSelect
              agencyId={draft.agencyId}
              value={draft.unitId}
              onChange={(unitId) => update({ unitId })}
              error={errors.unitId}
            />
          </div>
          <RolesFieldset value={draft.roles} onChange={(roles) => update({ roles })} error={errors.roles} />
          <Field label={t('users.password')} hint={t('users.passwordHint')} error={errors.password} required>
            {(control) => (
              <input
                {...control}
                name="password"
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <PreferenceFields
            language={draft.language}
            timeZone={draft.timeZone}
            errors={errors}
            onChange={(preferences) => update(preferences)}
          />
          <ProblemNotice error={error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('ui:actions.saving') : t('ui:actions.create')}
            </button>
            <Link className="button button-quiet" to="..">
              {t('ui:actions.cancel')}
            </Link>
          </div>
        </form>
      </Panel>
    </div>
  );
}
