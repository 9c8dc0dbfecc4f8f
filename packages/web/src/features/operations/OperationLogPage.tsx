import { crimeTaxonomy } from '@liaison/core/cases/crime-taxonomy';
import { type LogEntryKind, type SeizureCategory, seizureCategories } from '@liaison/core/operations/schemas';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { fieldError, SelectField, TextField } from '../../ui/fields.tsx';
import { Loading } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { crimeTypeLabel } from '../cases/case-labels.ts';
import { LogList } from './LogList.tsx';
import { numberOrNothing } from './labels.ts';
import { operationsApi } from './operations-api.ts';
import { useOperationLog } from './use-operation-log.ts';

/** The moments of a raid one tap records; the others open their short form. */
const quickKinds = ['arrived', 'entered', 'secured'] as const;
const formKinds = ['arrest', 'rescue', 'seizure', 'note'] as const;
type FormKind = (typeof formKinds)[number];

interface EntryDraft {
  text: string;
  name: string;
  nationality: string;
  agency: string;
  crimeType: string;
  category: SeizureCategory;
  what: string;
  measure: string;
  currency: string;
}

const blank = (agency: string, crimeType: string): EntryDraft => ({
  text: '',
  name: '',
  nationality: 'KR',
  agency,
  crimeType,
  category: 'phone',
  what: '',
  measure: '',
  currency: 'USD',
});

/** The seizure as the API takes it: each category with its measure. */
function seizureOf(d: EntryDraft) {
  const measure = numberOrNothing(d.measure);
  switch (d.category) {
    case 'drugs':
      return { category: d.category, drugType: d.what, weightGrams: measure };
    case 'cash':
      return { category: d.category, currency: d.currency, amount: measure };
    case 'crypto':
      return { category: d.category, asset: d.currency, amount: measure };
    case 'weapon':
      return { category: d.category, weaponType: d.what, count: measure };
    case 'other':
      return { category: d.category, description: d.what, count: measure };
    default:
      return { category: d.category, count: measure, ...(d.what && { description: d.what }) };
  }
}

/**
 * The execution log on a phone at the edge of a raid: big buttons, one tap for "arrived", "entered", "secured",
 * a short form for an arrest, a rescue, a seizure or a note. Each send carries an id of its own, so a retry on
 * a bad signal records it once; the log below updates live as teammates record theirs.
 */
export function OperationLogPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('operations');
  const me = useMe();
  const { data: op, error: loadError, reload } = useResource(() => operationsApi.get(id), [id]);
  const connected = useOperationLog(id, reload);
  const [open, setOpen] = useState<FormKind | null>(null);
  const defaultCrime = op?.crimeTypes[0] ?? 'voice_phishing';
  const [draft, setDraft] = useState<EntryDraft>(() => blank(me.agencyCode, defaultCrime));
  // One id per entry being sent: kept while it is retried, renewed once it is recorded.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const { error, busy, submit } = useSubmission();
  const update = (patch: Partial<EntryDraft>) => setDraft((d) => ({ ...d, ...patch }));

  if (!op) return loadError ? <ProblemNotice error={loadError} /> : <Loading />;
  const loggable = op.status === 'go' || op.status === 'under_way';

  const send = (kind: LogEntryKind, body: Record<string, unknown> = {}) =>
    submit(async () => {
      await operationsApi.log(op.id, { clientId, kind, ...body });
      setClientId(crypto.randomUUID());
      setDraft(blank(me.agencyCode, defaultCrime));
      setOpen(null);
      reload();
    });

  function record(event: FormEvent) {
    event.preventDefault();
    if (!open) return;
    const text = draft.text ? { text: draft.text } : {};
    if (open === 'note') void send('note', text);
    if (open === 'arrest')
      void send('arrest', {
        ...text,
        arrest: {
          name: draft.name,
          nationality: draft.nationality,
          arrestingAgency: draft.agency,
          crimeType: draft.crimeType,
        },
      });
    if (open === 'rescue')
      void send('rescue', { ...text, rescue: { name: draft.name, nationality: draft.nationality } });
    if (open === 'seizure') void send('seizure', { ...text, seizure: seizureOf(draft) });
  }

  return (
    <div className="page log-screen" data-testid="log-screen">
      <header className="log-screen-header">
        <h1>{op.codeName}</h1>
        <p className="muted">
          {`${op.reference} · `}
          <span role="status">{connected ? t('log.live') : t('log.offline')}</span>
        </p>
        <Link to={`/operations/${op.id}`}>{t('log.back')}</Link>
      </header>
      {!loggable && (
        <p className="notice" role="status">
          {op.status === 'completed' ? t('log.closed') : t('log.notOpen')}
        </p>
      )}
      <ProblemNotice error={error} />
      {loggable && (
        <div className="log-buttons">
          {quickKinds.map((kind) => (
            <button
              key={kind}
              type="button"
              className="button log-button"
              data-testid={`log-${kind}`}
              disabled={busy}
              onClick={() => void send(kind)}
            >
              {t(`log.${kind}`)}
            </button>
          ))}
          {formKinds.map((kind) => (
            <button
              key={kind}
              type="button"
              className={`button log-button ${open === kind ? 'button-primary' : ''}`}
              data-testid={`log-${kind}`}
              aria-expanded={open === kind}
              onClick={() => setOpen(open === kind ? null : kind)}
            >
              {t(`log.${kind}`)}
            </button>
          ))}
        </div>
      )}
      {loggable && open && (
        <form className="form log-form" onSubmit={record} data-testid={`log-form-${open}`} noValidate>
          {(open === 'arrest' || open === 'rescue') && (
            <>
              <TextField
                label={t('log.name')}
                name="name"
                value={draft.name}
                error={fieldError(error, `/${open}/name`)}
                onValueChange={(name) => update({ name })}
              />
              <TextField
                label={t('log.nationality')}
                name="nationality"
                maxLength={2}
                autoCapitalize="characters"
                value={draft.nationality}
                error={fieldError(error, `/${open}/nationality`)}
                onValueChange={(nationality) => update({ nationality: nationality.toUpperCase() })}
              />
            </>
          )}
          {open === 'arrest' && (
            <>
              <SelectField
                label={t('log.agency')}
                name="agency"
                value={draft.agency}
                options={[op.leadAgency, op.partnerAgency]}
                onValueChange={(agency) => update({ agency })}
              />
              <SelectField
                label={t('log.crimeType')}
                name="crimeType"
                value={draft.crimeType}
                options={crimeTaxonomy.map((n) => n.code)}
                optionLabel={(code) => crimeTypeLabel(code, i18n.language)}
                onValueChange={(crimeType) => update({ crimeType })}
              />
            </>
          )}
          {open === 'seizure' && (
            <>
              <SelectField
                label={t('log.category')}
                name="category"
                value={draft.category}
                options={seizureCategories}
                optionLabel={(c) => t(`seizure.${c}`)}
                onValueChange={(category) => update({ category })}
              />
              {['drugs', 'weapon', 'other', 'phone', 'computer', 'vehicle', 'document'].includes(
                draft.category,
              ) && (
                <TextField
                  label={
                    draft.category === 'drugs'
                      ? t('log.drugType')
                      : draft.category === 'weapon'
                        ? t('log.weaponType')
                        : t('log.text')
                  }
                  name="what"
                  value={draft.what}
                  error={
                    fieldError(error, '/seizure/drugType') ??
                    fieldError(error, '/seizure/weaponType') ??
                    fieldError(error, '/seizure/description')
                  }
                  onValueChange={(what) => update({ what })}
                />
              )}
              {(draft.category === 'cash' || draft.category === 'crypto') && (
                <TextField
                  label={draft.category === 'cash' ? t('log.currency') : t('log.asset')}
                  name="currency"
                  value={draft.currency}
                  error={fieldError(error, '/seizure/currency') ?? fieldError(error, '/seizure/asset')}
                  onValueChange={(currency) => update({ currency: currency.toUpperCase() })}
                />
              )}
              <TextField
                label={
                  draft.category === 'drugs'
                    ? t('log.weight')
                    : draft.category === 'cash' || draft.category === 'crypto'
                      ? t('log.amount')
                      : t('log.count')
                }
                name="measure"
                inputMode="decimal"
                value={draft.measure}
                error={
                  fieldError(error, '/seizure/weightGrams') ??
                  fieldError(error, '/seizure/amount') ??
                  fieldError(error, '/seizure/count')
                }
                onValueChange={(measure) => update({ measure })}
              />
            </>
          )}
          <TextField
            label={t('log.text')}
            name="text"
            value={draft.text}
            error={fieldError(error, '/text')}
            onValueChange={(text) => update({ text })}
          />
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary log-button"
              disabled={busy}
              data-testid="log-send"
            >
              {t('log.send')}
            </button>
            <button type="button" className="button log-button" onClick={() => setOpen(null)}>
              {t('log.cancel')}
            </button>
          </div>
        </form>
      )}
      <LogList entries={op.log} />
    </div>
  );
}
