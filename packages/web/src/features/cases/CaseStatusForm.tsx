import { caseTransitions, closeReasons, reopenReason } from '@liaison/core/cases/index';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { type CaseView, casesApi } from './cases-api.ts';

/** Offers only the moves the case's state machine allows, with the reasons each needs. */
export function CaseStatusForm({ caseRecord, onChanged }: { caseRecord: CaseView; onChanged: () => void }) {
  const { t } = useTranslation('cases');
  const allowed = caseTransitions[caseRecord.status];
  const [to, setTo] = useState(allowed[0] ?? caseRecord.status);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const reasons = to === 'closed' ? closeReasons : caseRecord.status === 'closed' ? [reopenReason] : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await casesApi.changeStatus(caseRecord.id, {
        to,
        ...(reasons.length > 0 && { reason: reason || reasons[0] }),
      });
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <form className="form filter-grid" onSubmit={submit} aria-label={t('page.changeStatus')}>
      <Field label={t('page.to')}>
        {(control) => (
          <select {...control} name="to" value={to} onChange={(e) => setTo(e.target.value as typeof to)}>
            {allowed.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {reasons.length > 0 && (
        <Field label={t('page.reason')}>
          {(control) => (
            <select
              {...control}
              name="reason"
              value={reason || reasons[0]}
              onChange={(e) => setReason(e.target.value)}
            >
              {reasons.map((r) => (
                <option key={r} value={r}>
                  {t(`closeReason.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="form-actions">
        <button type="submit" className="button">
          {t('page.apply')}
        </button>
      </div>
      <ProblemNotice error={error} />
    </form>
  );
}
