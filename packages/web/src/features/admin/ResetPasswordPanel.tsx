import type { User } from '@liaison/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../../app/accounts-api.ts';
import { fieldErrors } from '../../app/problem.ts';
import { useMe } from '../../app/session.tsx';
import { Checkbox } from '../../ui/fields.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { resetRefusal } from './grant-rules.ts';
import { NewPasswordField } from './NewPasswordField.tsx';

/**
 * Sets a new password (and optionally clears the authenticator); the user's sessions and API tokens end. Only
 * for the users of one's own agency, fellow administrators apart (the server refuses the rest).
 */
export function ResetPasswordPanel({ user, onDone }: { user: User; onDone: () => void }) {
  const refusal = resetRefusal(useMe(), user);
  return refusal ? (
    <ResetElsewhere user={user} refusal={refusal} />
  ) : (
    <ResetForm user={user} onDone={onDone} />
  );
}

function ResetElsewhere({ user, refusal }: { user: User; refusal: 'other-agency' | 'administrator' }) {
  const { t } = useTranslation('admin');
  return (
    <Panel title={t('edit.reset')}>
      <p className="field-hint" data-testid="reset-elsewhere">
        {refusal === 'other-agency'
          ? t('edit.resetOtherAgency', { agency: user.agencyCode })
          : t('edit.resetAdministrator')}
      </p>
    </Panel>
  );
}

function ResetForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation(['admin', 'ui']);
  const [password, setPassword] = useState('');
  const [resetTotp, setResetTotp] = useState(false);
  const [notice, setNotice] = useState('');
  const { error, busy, submit } = useSubmission();
  const errors = fieldErrors(error);

  function reset(event: FormEvent) {
    event.preventDefault();
    setNotice('');
    void submit(async () => {
      await accountsApi.resetPassword(user.id, password, resetTotp);
      setPassword('');
      setResetTotp(false);
      setNotice(t('edit.resetDone'));
      onDone();
    });
  }

  return (
    <Panel title={t('edit.reset')}>
      <form className="form" onSubmit={reset} noValidate>
        <NewPasswordField
          label={t('edit.newPassword')}
          name="newPassword"
          value={password}
          onValueChange={setPassword}
          error={errors.password}
        />
        <Checkbox name="resetTotp" checked={resetTotp} onCheckedChange={setResetTotp}>
          {t('edit.resetTotp')}
        </Checkbox>
        <ProblemNotice error={error && !errors.password ? error : null} />
        <SubmitActions busy={busy} label={t('edit.reset')} secondary status={notice} />
      </form>
    </Panel>
  );
}
