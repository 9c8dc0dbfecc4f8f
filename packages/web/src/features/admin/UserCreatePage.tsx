import type { Role } from '@liaison/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { accountsApi } from '../../app/accounts-api.ts';
import { useDraft } from '../../app/draft.ts';
import { fieldErrors } from '../../app/problem.ts';
import { useMe } from '../../app/session.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { useAgencies } from '../../ui/use-agencies.ts';
import { useSubmission } from '../../ui/use-submission.ts';
import { DisplayNameField } from './DisplayNameField.tsx';
import { NewPasswordField } from './NewPasswordField.tsx';
import type { Language, TimeZone } from './options.ts';
import { PreferenceFields } from './PreferenceFields.tsx';
import { useRoleNames } from './RoleGrantsPanel.tsx';
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
  const { error, busy, submit } = useSubmission();
  const errors = fieldErrors(error);
  const roleNames = useRoleNames();

  function create(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      const user = await accountsApi.createUser({ ...draft, unitId: draft.unitId || null, password });
      clear();
      navigate(`/admin/users?agency=${user.agencyId}`, {
        state: {
          notice:
            user.pendingRoles.length > 0
              ? t('users.createdPending', { email: user.email, roles: roleNames(user.pendingRoles) })
              : t('users.created_ok', { email: user.email }),
        },
      });
    });
  }

  return (
    <div className="page page-narrow">
      <PageHeader title={t('users.createTitle')}>
        <Link to="..">{t('edit.back')}</Link>
      </PageHeader>
      <Panel title={t('edit.account')}>
        <form className="form" onSubmit={create} noValidate data-testid="user-form">
          <p className="field-hint">{t('users.draftKept')}</p>
          <TextField
            label={t('users.email')}
            error={errors.email}
            required
            name="email"
            type="email"
            autoComplete="off"
            value={draft.email}
            onValueChange={(email) => update({ email })}
          />
          <DisplayNameField
            value={draft.displayName}
            onValueChange={(displayName) => update({ displayName })}
            error={errors.displayName}
          />
          <div className="form-row">
            <SelectField
              label={t('users.agency')}
              error={errors.agencyId}
              required
              name="agencyId"
              value={draft.agencyId}
              onValueChange={(agencyId) => update({ agencyId, unitId: '' })}
            >
              {agencies.data?.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.code} — {agency.name}
                </option>
              ))}
            </SelectField>
            <UnitSelect
              agencyId={draft.agencyId}
              value={draft.unitId}
              onChange={(unitId) => update({ unitId })}
              error={errors.unitId}
            />
          </div>
          <RolesFieldset value={draft.roles} onChange={(roles) => update({ roles })} error={errors.roles} />
          <NewPasswordField
            label={t('users.password')}
            name="password"
            value={password}
            onValueChange={setPassword}
            error={errors.password}
          />
          <PreferenceFields
            language={draft.language}
            timeZone={draft.timeZone}
            errors={errors}
            onChange={(preferences) => update(preferences)}
          />
          <ProblemNotice error={error} />
          <SubmitActions busy={busy} label={t('ui:actions.create')}>
            <Link className="button button-quiet" to="..">
              {t('ui:actions.cancel')}
            </Link>
          </SubmitActions>
        </form>
      </Panel>
    </div>
  );
}
