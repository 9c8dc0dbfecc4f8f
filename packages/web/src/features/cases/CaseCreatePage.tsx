import type { Language } from '@liaison/core';
import { type CaseInputRaw, crimeTaxonomy, priorities } from '@liaison/core/cases/index';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDraft } from '../../app/draft.ts';
import { useMe } from '../../app/session.tsx';
import { Fieldset } from '../../ui/Field.tsx';
import { fieldError, LanguageField, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { type CaseMarkingsDraft, MarkingsFields } from '../../ui/MarkingsFields.tsx';
import { PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useAgencies } from '../../ui/use-agencies.ts';
import { useSubmission } from '../../ui/use-submission.ts';
import { crimeTypeLabel } from './case-labels.ts';
import { casesApi } from './cases-api.ts';

interface CaseDraft extends CaseMarkingsDraft {
  title: string;
  summary: string;
  language: Language;
  crimeTypes: string[];
  priority: string;
  leadAgency: string;
}

/** Opens a case; the form keeps a draft until the case exists, and a failed save keeps the input. */
export function CaseCreatePage() {
  const { t, i18n } = useTranslation(['cases', 'ui']);
  const me = useMe();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const [draft, update, clear] = useDraft<CaseDraft>('cases.new', {
    title: '',
    summary: '',
    language: me.language,
    crimeTypes: [],
    priority: 'normal',
    leadAgency: me.agencyCode,
    tlp: 'AMBER',
    handlingCode: 'H0',
    handlingNote: '',
  });
  const { error, busy, submit } = useSubmission();

  function create(event: FormEvent) {
    event.preventDefault();
    const input: CaseInputRaw = {
      title: draft.title,
      summary: draft.summary,
      language: draft.language,
      crimeTypes: draft.crimeTypes as CaseInputRaw['crimeTypes'],
      priority: draft.priority as CaseInputRaw['priority'],
      leadAgency: draft.leadAgency,
      markings: {
        tlp: draft.tlp as CaseInputRaw['markings']['tlp'],
        handlingCode: draft.handlingCode as CaseInputRaw['markings']['handlingCode'],
        ...(draft.handlingNote.trim() && { handlingNote: draft.handlingNote }),
      },
    };
    void submit(async () => {
      const created = await casesApi.create(input);
      clear();
      navigate(`/cases/${created.id}`);
    });
  }

  const toggleCrimeType = (code: string, on: boolean) =>
    update({ crimeTypes: on ? [...draft.crimeTypes, code] : draft.crimeTypes.filter((c) => c !== code) });

  return (
    <div className="page page-narrow">
      <PageHeader title={t('form.title')} />
      <Panel title={t('form.title')}>
        <p className="muted">{t('form.draftKept')}</p>
        <ProblemNotice error={error} />
        <form className="form" onSubmit={create} data-testid="case-form" noValidate>
          <TextField
            label={t('form.caseTitle')}
            required
            error={fieldError(error, '/title')}
            name="title"
            value={draft.title}
            lang={draft.language}
            maxLength={200}
            onValueChange={(title) => update({ title })}
          />
          <TextAreaField
            label={t('form.summary')}
            error={fieldError(error, '/summary')}
            name="summary"
            rows={6}
            lang={draft.language}
            value={draft.summary}
            onValueChange={(summary) => update({ summary })}
          />
          <LanguageField
            label={t('form.language')}
            value={draft.language}
            onValueChange={(language) => update({ language })}
          />
          <Fieldset legend={t('form.crimeTypes')} error={fieldError(error, '/crimeTypes')}>
            {crimeTaxonomy.map((node) => (
              <label key={node.code} className="checkbox">
                <input
                  type="checkbox"
                  name="crimeTypes"
                  value={node.code}
                  checked={draft.crimeTypes.includes(node.code)}
                  onChange={(e) => toggleCrimeType(node.code, e.target.checked)}
                />{' '}
                {crimeTypeLabel(node.code, i18n.language)}
              </label>
            ))}
          </Fieldset>
          <SelectField
            label={t('form.priority')}
            name="priority"
            value={draft.priority}
            options={priorities}
            optionLabel={(p) => t(`priority.${p}`)}
            onValueChange={(priority) => update({ priority })}
          />
          <SelectField
            label={t('form.leadAgency')}
            error={fieldError(error, '/leadAgency')}
            name="leadAgency"
            value={draft.leadAgency}
            onValueChange={(leadAgency) => update({ leadAgency })}
          >
            {(agencies.data ?? [{ code: me.agencyCode, name: '' }]).map((a) => (
              <option key={a.code} value={a.code}>
                {a.code}
                {a.name && ` — ${a.name}`}
              </option>
            ))}
          </SelectField>
          <MarkingsFields scope="case" value={draft} onChange={update} error={error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('form.submit')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => clear()}>
              {t('form.discard')}
            </button>
          </div>
        </form>
      </Panel>
    </div>
  );
}
