import type { User } from '@liaison/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../../app/accounts-api.ts';
import { Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';

/** Disable or enable the account; shows a lock from failed sign-ins. */
export function AccessPanel({ user, onSaved }: { user: User; onSaved: (user: User) => void }) {
  const { t } = useTranslation(['admin', 'ui']);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      onSaved(await accountsApi.updateUser(user.id, { disabled: !user.disabled }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel title={t('edit.access')}>
      {user.disabled && <p className="notice notice-warn">{t('edit.disabledNote')}</p>}
      {user.lockedUntil && (
        <p>
          {t('edit.lockedUntil')}: <Time value={user.lockedUntil} dual />
        </p>
      )}
      <ProblemNotice error={error} />
      <div className="form-actions">
        <button
          type="button"
          className={user.disabled ? 'button' : 'button button-danger'}
          disabled={busy}
          onClick={() => void toggle()}
        >
          {user.disabled ? t('edit.enable') : t('edit.disable')}
        </button>
      </div>
    </Panel>
  );
}
