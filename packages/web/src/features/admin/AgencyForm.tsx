import type { Agency } from '@liaison/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../../app/accounts-api.ts';
import { useDraft } from '../../app/draft.ts';
import { fieldErrors } from '../../app/problem.ts';
import { Field } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';

/** Creates an agency; the draft survives a failed save or a reload until it is saved. */
export function AgencyForm({ onCreated }: { onCreated: (agency: Agency) => void }) {
  const { t } = useTranslation(['admin', 'ui']);
  const [draft, update, clear] = useDraft('admin.agency', { code: '', name: '', country: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const agency = await accountsApi.createAgency({
        ...draft,
        code: draft.code.trim().toUpperCase(),
        country: draft.country.trim().toUpperCase(),
      });
      clear();
      onCreated(agency);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="form form-inline"
      onSubmit={submit}
      noValidate
      aria-label={t('agencies.create')}
      data-testid="agency-form"
    >
      <Field label={t('agencies.code')} hint={t('agencies.codeHint')} error={errors.code} required>
        {(control) => (
          <input
            {...control}
            name="code"
            value={draft.code}
            onChange={(e) => update({ code: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('agencies.name')} error={errors.name} required>
        {(control) => (
          <input
            {...control}
            name="name"
            value={draft.name}
            onChange={(e) => update({ name: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('agencies.country')} hint={t('agencies.countryHint')} error={errors.country} required>
        {(control) => (
          <input
            {...control}
            name="country"
            maxLength={2}
            value={draft.country}
            onChange={(e) => update({ country: e.target.value })}
          />
        )}
      </Field>
      <ProblemNotice error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('ui:actions.saving') : t('agencies.create')}
        </button>
      </div>
    </form>
  );
}
