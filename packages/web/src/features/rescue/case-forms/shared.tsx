import type { RescueCaseView } from '@liaison/core/rescue/index';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/problem.ts';

export interface FormProps {
  c: RescueCaseView;
  onTeam: boolean;
  reload(): void;
}

/**
 * One form's submission: the server's problem (field messages go next to their fields, the rest above the
 * button), the local checks in the user's language, and a short "saved" after success.
 */
export function useSubmit(reload: () => void) {
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = useCallback(
    async (checks: Record<string, string | false>, action: () => Promise<unknown>, done?: () => void) => {
      setSaved(false);
      setError(null);
      const found = Object.fromEntries(
        Object.entries(checks).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      setLocal(found);
      if (Object.keys(found).length > 0) return;
      setBusy(true);
      try {
        await action();
        setSaved(true);
        done?.();
        reload();
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );
  /** The message for a field: the local check first, then the server's. */
  const fieldError = (path: string) =>
    local[path] ?? (error instanceof ApiError ? error.fieldMessage(path) : undefined);
  const general = error instanceof ApiError && error.fields.length > 0 ? null : error;
  return { submit, fieldError, general, busy, saved };
}

export function Actions({
  busy,
  saved,
  label,
  disabled,
  testId,
}: {
  busy: boolean;
  saved: boolean;
  label: string;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation('rescue');
  return (
    <div className="form-actions">
      <button
        type="submit"
        className="button button-primary"
        disabled={busy || disabled}
        data-testid={testId}
      >
        {busy ? t('forms.saving') : label}
      </button>
      {saved && (
        <span role="status" data-testid={`${testId}-saved`}>
          {t('forms.saved')}
        </span>
      )}
    </div>
  );
}

export function TeamOnly({ onTeam, children }: { onTeam: boolean; children: ReactNode }) {
  const { t } = useTranslation('rescue');
  if (onTeam) return <>{children}</>;
  return <p className="notice">{t('forms.teamOnly')}</p>;
}

export const reasonCheck = (value: string, message: string) => value.trim().length < 5 && message;
