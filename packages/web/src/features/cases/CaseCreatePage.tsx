import { HandlingCode, languages, tlpLevels } from '@liaison/core';
import { type CaseInputRaw, crimeTaxonomy, priorities } from '@liaison/core/cases/index';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useDraft } from '../../app/draft.ts';
import { useMe } from '../../app/session.tsx';
import { Field, Fieldset } from '../../ui/Field.tsx';
import { PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useAgencies } from '../../ui/use-agencies.ts';
import { crimeTypeLabel } from './case-labels.ts';
import { casesApi } from './cases-api.ts';

interface CaseDraft {
  title: string;
  summary: string;
  language: string;
  crimeTypes: string[];
  priority: string;
  leadAgency: string;
  tlp: string;
  handlingCode: string;
  handlingNote: string;
}

/** The error the server gave for one field (paths like `/title`, `/markings/handlingNote`). */
function fieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.path === path || f.path.startsWith(`${path}/`))?.message;
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
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const input: CaseInputRaw = {
      title: draft.title,
      summary: draft.summary,
      language: draft.language as CaseInputRaw['language'],
      crimeTypes: draft.crimeTypes as CaseInputRaw['crimeTypes'],
      priority: draft.priority as CaseInputRaw['priority'],
      leadAgency: draft.leadAgency,
      markings: {
        tlp: draft.tlp as CaseInputRaw['markings']['tlp'],
        handlingCode: draft.handlingCode as CaseInputRaw['markings']['handlingCode'],
        ...(draft.handlingNote.trim() && { handlingNote: draft.handlingNote }),
      },
    };
    try {
      const created = await casesApi.create(input);
      clear();
      navigate(`/cases/${created.id}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  const toggleCrimeType = (code: string, on: boolean) =>
    update({ crimeTypes: on ? [...draft.crimeTypes, code] : draft.crimeTypes.filter((c) => c !== code) });

  return (
    <div className="page page-narrow">
      <PageHeader title={t('form.title')} />
      <Panel title={t('form.title')}>
        <p className="muted">{t('form.draftKept')}</p>
        <ProblemNotice error={error} />
        <form className="form" onSubmit={submit} data-testid="case-form" noValidate>
          <Field label={t('form.caseTitle')} required error={fieldError(error, '/title')}>
            {(control) => (
              <input
                {...control}
                name="title"
                value={draft.title}
                lang={draft.language}
                maxLength={200}
                onChange={(e) => update({ title: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('form.summary')} error={fieldError(error, '/summary')}>
            {(control) => (
              <textarea
                {...control}
                name="summary"
                rows={6}
                lang={draft.language}
                value={draft.summary}
                onChange={(e) => update({ summary: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('form.language')}>
            {(control) => (
              <select
                {...control}
                name="language"
                value={draft.language}
                onChange={(e) => update({ language: e.target.value })}
              >
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            )}
          </Field>
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
          <Field label={t('form.priority')}>
            {(control) => (
              <select
                {...control}
                name="priority"
                value={draft.priority}
                onChange={(e) => update({ priority: e.target.value })}
              >
                {priorities.map((p) => (
                  <option key={p} value={p}>
                    {t(`priority.${p}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('form.leadAgency')} error={fieldError(error, '/leadAgency')}>
            {(control) => (
              <select
                {...control}
                name="leadAgency"
                value={draft.leadAgency}
                onChange={(e) => update({ leadAgency: e.target.value })}
              >
                {(agencies.data ?? [{ code: me.agencyCode, name: '' }]).map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.code}
                    {a.name && ` — ${a.name}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('form.tlp')}>
            {(control) => (
              <select
                {...control}
                name="tlp"
                value={draft.tlp}
                onChange={(e) => update({ tlp: e.target.value })}
              >
                {tlpLevels.map((level) => (
                  <option key={level} value={level}>
                    TLP:{level}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('form.handlingCode')} hint={t(`markings.handlingHelp.${draft.handlingCode}`)}>
            {(control) => (
              <select
                {...control}
                name="handlingCode"
                value={draft.handlingCode}
                onChange={(e) => update({ handlingCode: e.target.value })}
              >
                {HandlingCode.options.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {draft.handlingCode === 'H3' && (
            <Field
              label={t('form.handlingNote')}
              required
              error={fieldError(error, '/markings/handlingNote')}
            >
              {(control) => (
                <input
                  {...control}
                  name="handlingNote"
                  value={draft.handlingNote}
                  onChange={(e) => update({ handlingNote: e.target.value })}
                />
              )}
            </Field>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={saving}>
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
