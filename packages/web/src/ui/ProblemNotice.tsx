import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/problem.ts';

/** The translated headline of a failed call, for the given error; server details follow in smaller type. */
export function useProblemText(): (error: unknown) => string {
  const { t } = useTranslation('ui');
  return (error) => {
    const code = error instanceof ApiError ? error.code : 'unknown';
    return t(`problems.${code}`, {
      defaultValue: error instanceof ApiError ? error.title : t('problems.unknown'),
    });
  };
}

/** A form-level error: what went wrong, and (when the server said more) its detail. */
export function ProblemNotice({ error }: { error: unknown }) {
  const problemText = useProblemText();
  if (!error) return null;
  // Invalid input is explained next to each field; the server's summary of paths would only repeat it.
  const fieldsShown = error instanceof ApiError && error.code === 'invalid-input' && error.fields.length > 0;
  const detail = error instanceof ApiError && !fieldsShown ? error.detail : undefined;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{problemText(error)}</strong>
      {detail && <span className="notice-detail">{detail}</span>}
    </div>
  );
}
