import type { User } from '@liaison/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../../app/accounts-api.ts';
import { fieldErrors } from '../../app/problem.ts';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';

/** Sets a new password (and optionally clears the authenticator); the user's sessions end. */
export function ResetPasswordPanel({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation(['admin', 'ui']);
  const [password, setPassword] = useState('');
  const [resetTotp, setResetTotp] = useState(false);
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
      await accountsApi.resetPassword(user.id, password, resetTotp);
      setPassword('');
      setResetTotp(false);
      setNotice(t('edit.resetDone'));
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel title={t('edit.reset')}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('edit.newPassword')} hint={t('users.passwordHint')} error={errors.password} required>
          {(control) => (
            <input
              {...control}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <label className="choice">
          <input
            type="checkbox"
            name="resetTotp"
            checked={resetTotp}
            onChange={(e) => setResetTotp(e.target.checked)}
          />
          {t('edit.resetTotp')}
        </label>
        <ProblemNotice error={error && !errors.password ? error : null} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('ui:actions.saving') : t('edit.reset')}
          </button>
          <p className="notice notice-ok" role="status">
            {notice}
          </p>
        </div>
      </form>
    </Panel>
  );
}
