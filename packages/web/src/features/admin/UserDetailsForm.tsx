import type { Role, User } from '@liaison/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../../app/accounts-api.ts';
import { useDraft } from '../../app/draft.ts';
import { fieldErrors } from '../../app/problem.ts';
import { Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { DisplayNameField } from './DisplayNameField.tsx';
import type { Language, TimeZone } from './options.ts';
import { PreferenceFields } from './PreferenceFields.tsx';
import { useRoleNames } from './RoleGrantsPanel.tsx';
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
  const [notice, setNotice] = useState('');
  const { error, busy, submit } = useSubmission();
  const errors = fieldErrors(error);
  const roleNames = useRoleNames();

  function save(event: FormEvent) {
    event.preventDefault();
    setNotice('');
    void submit(async () => {
      const saved = await accountsApi.updateUser(user.id, { ...draft, unitId: draft.unitId || null });
      clear(detailsOf(saved));
      setNotice(
        saved.pendingRoles.length > 0
          ? t('edit.savedPending', { roles: roleNames(saved.pendingRoles) })
          : t('edit.saved'),
      );
      onSaved(saved);
    });
  }

  return (
    <Panel title={t('edit.account')}>
      <form className="form" onSubmit={save} noValidate data-testid="user-details-form">
        <fieldset className="plain-fieldset" disabled={readOnly}>
          <DisplayNameField
            value={draft.displayName}
            onValueChange={(displayName) => update({ displayName })}
            error={errors.displayName}
          />
          <UnitSelect
            agencyId={user.agencyId}
            value={draft.unitId}
            onChange={(unitId) => update({ unitId })}
            error={errors.unitId}
          />
          <RolesFieldset
            value={draft.roles}
            pending={user.pendingRoles}
            onChange={(roles) => update({ roles })}
            error={errors.roles}
          />
          <PreferenceFields
            language={draft.language}
            timeZone={draft.timeZone}
            errors={errors}
            onChange={(p) => update(p)}
          />
        </fieldset>
        <ProblemNotice error={error} />
        {!readOnly && <SubmitActions busy={busy} label={t('ui:actions.save')} status={notice} />}
      </form>
    </Panel>
  );
}
