import { type Fugitive, passportStatuses } from '@liaison/core/fugitives/schemas';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, SelectField, TextField } from '../../ui/fields.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { fugitivesApi } from './fugitives-api.ts';

/**
 * The passport's standing as the invalidation goes on (requested → invalidated on a date → listed lost/stolen
 * with Interpol). Only the owning agency changes the record; the server says so to anyone else.
 */
export function PassportStatusForm({ fugitive, onSaved }: { fugitive: Fugitive; onSaved(): void }) {
  const { t } = useTranslation('fugitives');
  const passport = fugitive.passport;
  const [status, setStatus] = useState<string>(passport?.status ?? 'valid');
  const [statusOn, setStatusOn] = useState(passport?.statusOn ?? '');
  const { error, busy, submit } = useSubmission();
  if (!passport) return null;

  function save(event: FormEvent) {
    event.preventDefault();
    if (!passport) return;
    void submit(async () => {
      await fugitivesApi.update(fugitive.id, {
        version: fugitive.version,
        passport: {
          number: passport.number,
          status: status as 'valid',
          ...(statusOn && { statusOn }),
        },
      });
      onSaved();
    });
  }

  return (
    <form
      className="form filter-grid"
      onSubmit={save}
      aria-label={t('detail.passportChange')}
      data-testid="passport-form"
    >
      <ProblemNotice error={error} />
      <SelectField
        label={t('form.passportStatus')}
        name="passportStatus"
        value={status}
        options={passportStatuses}
        optionLabel={(s) => t(`passport.${s}`)}
        onValueChange={setStatus}
      />
      <TextField
        label={t('form.statusOn')}
        type="date"
        name="passportStatusOn"
        value={statusOn}
        error={fieldError(error, '/passport/statusOn')}
        onValueChange={setStatusOn}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('detail.passportChange')}
        </button>
      </div>
    </form>
  );
}
