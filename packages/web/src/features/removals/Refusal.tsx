import { useTranslation } from 'react-i18next';
import { fieldProblemText } from '../../app/field-problem-text.ts';
import { ApiError } from '../../app/problem.ts';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';

/**
 * A refused change: the headline, and every field problem the server named — a plan's refusals name fields
 * (`/flightId`, `/suspects/2/escorts`) that are not always an input on the screen.
 */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation('ui');
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div data-testid="removal-refused">
      <ProblemNotice error={error} />
      {fields.length > 0 && (
        <ul className="removal-problems" aria-label={t('problems.invalid-input', { defaultValue: '' })}>
          {fields.map((f) => (
            <li key={`${f.path}-${f.message}`}>{fieldProblemText(f)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
