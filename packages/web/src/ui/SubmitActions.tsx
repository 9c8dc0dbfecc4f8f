import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A form's submit button ("Saving…" while busy), then any other actions, then the quiet status line that
 * says it was saved (kept in the page while empty, so screen readers announce it when it fills).
 */
export function SubmitActions({
  busy,
  label,
  secondary,
  status,
  children,
}: {
  busy: boolean;
  label: string;
  /** A plain button instead of the primary one, for a form that is not the page's main one. */
  secondary?: boolean;
  status?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation('ui');
  return (
    <div className="form-actions">
      <button type="submit" className={secondary ? 'button' : 'button button-primary'} disabled={busy}>
        {busy ? t('actions.saving') : label}
      </button>
      {children}
      {status !== undefined && (
        <p className="notice notice-ok" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
