import type { Agency } from '@liaison/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../../app/accounts-api.ts';
import { useDraft } from '../../app/draft.ts';
import { fieldErrors } from '../../app/problem.ts';
import { TextField } from '../../ui/fields.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { useSubmission } from '../../ui/use-submission.ts';

/** Creates an agency; the draft survives a failed save or a reload until it is saved. */
export function AgencyForm({ onCreated }: { onCreated: (agency: Agency) => void }) {
  const { t } = useTranslation(['admin', 'ui']);
  const [draft, update, clear] = useDraft('admin.agency', { code: '', name: '', country: '' });
  const { error, busy, submit } = useSubmission();
  const errors = fieldErrors(error);

  function create(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      const agency = await accountsApi.createAgency({
        ...draft,
        code: draft.code.trim().toUpperCase(),
        country: draft.country.trim().toUpperCase(),
      });
      clear();
      onCreated(agency);
    });
  }

  return (
    <form
      className="form form-inline"
      onSubmit={create}
      noValidate
      aria-label={t('agencies.create')}
      data-testid="agency-form"
    >
      <TextField
        label={t('agencies.code')}
        hint={t('agencies.codeHint')}
        error={errors.code}
        required
        name="code"
        value={draft.code}
        onValueChange={(code) => update({ code })}
      />
      <TextField
        label={t('agencies.name')}
        error={errors.name}
        required
        name="name"
        value={draft.name}
        onValueChange={(name) => update({ name })}
      />
      <TextField
        label={t('agencies.country')}
        hint={t('agencies.countryHint')}
        error={errors.country}
        required
        name="country"
        maxLength={2}
        value={draft.country}
        onValueChange={(country) => update({ country })}
      />
      <ProblemNotice error={error} />
      <SubmitActions busy={busy} label={t('agencies.create')} />
    </form>
  );
}
