import { cambodianProvinces } from '@liaison/core/rescue/provinces';
import { type FormEvent, type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../app/draft.ts';
import { ApiError } from '../../app/problem.ts';
import { useCan, useMe } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Field, Fieldset } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { CompoundMap } from '../compounds/CompoundMap.tsx';
import { type RepatriationView, type RescueCaseView, rescueApi, uploadCaseFile } from './rescue-api.ts';

const screeningIndicators = [
  'deception_in_recruitment',
  'confinement',
  'debt_bondage',
  'violence_or_threats',
  'documents_withheld',
  'threat_of_law_enforcement',
  'forced_to_commit_crimes',
  'restricted_communication',
] as const;
const answers = ['yes', 'no', 'unknown'] as const;
const roles = ['victim', 'suspect', 'witness'] as const;
const fileKinds = ['person_photo', 'building_photo', 'photo', 'video'] as const;

interface FormProps {
  c: RescueCaseView;
  onTeam: boolean;
  reload(): void;
}

/**
 * One form's submission: the server's problem (field messages go next to their fields, the rest above the
 * button), the local checks in the user's language, and a short "saved" after success.
 */
function useSubmit(reload: () => void) {
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = useCallback(
    async (checks: Record<string, string | false>, action: () => Promise<unknown>, done?: () => void) => {
      setSaved(false);
      setError(null);
      const found = Object.fromEntries(
        Object.entries(checks).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      setLocal(found);
      if (Object.keys(found).length > 0) return;
      setBusy(true);
      try {
        await action();
        setSaved(true);
        done?.();
        reload();
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );
  /** The message for a field: the local check first, then the server's. */
  const fieldError = (path: string) =>
    local[path] ?? (error instanceof ApiError ? error.fieldMessage(path) : undefined);
  const general = error instanceof ApiError && error.fields.length > 0 ? null : error;
  return { submit, fieldError, general, busy, saved };
}

function Actions({
  busy,
  saved,
  label,
  disabled,
  testId,
}: {
  busy: boolean;
  saved: boolean;
  label: string;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation('rescue');
  return (
    <div className="form-actions">
      <button
        type="submit"
        className="button button-primary"
        disabled={busy || disabled}
        data-testid={testId}
      >
        {busy ? t('forms.saving') : label}
      </button>
      {saved && (
        <span role="status" data-testid={`${testId}-saved`}>
          {t('forms.saved')}
        </span>
      )}
    </div>
  );
}

function TeamOnly({ onTeam, children }: { onTeam: boolean; children: ReactNode }) {
  const { t } = useTranslation('rescue');
  if (onTeam) return <>{children}</>;
  return <p className="notice">{t('forms.teamOnly')}</p>;
}

const reasonCheck = (value: string, message: string) => value.trim().length < 5 && message;

/** Forced-criminality screening: each indicator yes / no / unknown, the outcome computed by the server. */
export function ScreeningForm({ c, onTeam, reload }: FormProps) {
  const { t } = useTranslation('rescue');
  const [draft, update, clear] = useDraft<{ answers: Record<string, string>; notes: string }>(
    `rescue.${c.id}.screening`,
    { answers: c.screening?.answers ?? {}, notes: c.screening?.notes ?? '' },
  );
  const { submit, fieldError, general, busy, saved } = useSubmit(reload);
  const result = c.screening?.result;
  return (
    <Panel title={t('forms.screening.title')}>
      {result ? (
        <p data-testid="screening-outcome" data-outcome={result.outcome}>
          {t('forms.screening.outcome')}:{' '}
          <Badge tone={result.outcome === 'likely_victim_of_trafficking' ? 'danger' : 'info'}>
            {t(`forms.screening.outcomes.${result.outcome}`)}
          </Badge>
          {result.recommendNonPunishment && <> · {t('forms.screening.recommendNonPunishment')}</>}
        </p>
      ) : (
        <p>{t('forms.screening.notScreened')}</p>
      )}
      <TeamOnly onTeam={onTeam}>
        <form
          noValidate
          data-testid="screening-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void submit(
              {},
              () =>
                rescueApi.screening(c.id, {
                  answers: draft.answers,
                  ...(draft.notes.trim() && { notes: draft.notes.trim() }),
                }),
              () => clear({ answers: draft.answers, notes: draft.notes }),
            );
          }}
        >
          <p className="field-hint">{t('forms.screening.intro')}</p>
          {screeningIndicators.map((indicator) => (
            <Fieldset
              key={indicator}
              legend={t(`forms.screening.indicators.${indicator}`)}
              error={fieldError(`/answers/${indicator}`)}
            >
              {answers.map((answer) => (
                <label key={answer} className="choice">
                  <input
                    type="radio"
                    name={`screening-${indicator}`}
                    value={answer}
                    checked={(draft.answers[indicator] ?? 'unknown') === answer}
                    onChange={() => update({ answers: { ...draft.answers, [indicator]: answer } })}
                  />{' '}
                  {t(`forms.screening.${answer}`)}
                </label>
              ))}
            </Fieldset>
          ))}
          <Field label={t('forms.screening.notes')} error={fieldError('/notes')}>
            {(control) => (
              <textarea
                {...control}
                name="screening-notes"
                rows={3}
                value={draft.notes}
                onChange={(e) => update({ notes: e.target.value })}
              />
            )}
          </Field>
          <ProblemNotice error={general} />
          <Actions busy={busy} saved={saved} label={t('forms.screening.submit')} testId="screening-submit" />
        </form>
      </TeamOnly>
    </Panel>
  );
}

/** Victim, suspect or witness: a role that changes, each change with its reason (triage officers). */
export function RoleForm({ c, onTeam, reload }: FormProps) {
  const { t } = useTranslation('rescue');
  const can = useCan();
  const [draft, update, clear] = useDraft(`rescue.${c.id}.role`, {
    role: roles.find((r) => r !== c.personRole) ?? 'suspect',
    reason: '',
  });
  const { submit, fieldError, general, busy, saved } = useSubmit(reload);
  return (
    <Panel title={t('forms.role.title')}>
      <p>
        {t('forms.role.current')}:{' '}
        <strong data-testid="person-role">{t(`forms.role.roles.${c.personRole}`)}</strong>
      </p>
      <TeamOnly onTeam={onTeam}>
        {can('rescue.triage') ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit(
                { '/reason': reasonCheck(draft.reason, t('forms.reasonMin')) },
                () => rescueApi.role(c.id, draft.role, draft.reason.trim()),
                () => clear(),
              );
            }}
          >
            <Field label={t('forms.role.role')} error={fieldError('/role')}>
              {(control) => (
                <select
                  {...control}
                  name="role"
                  value={draft.role}
                  onChange={(e) => update({ role: e.target.value as (typeof roles)[number] })}
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`forms.role.roles.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('forms.role.reason')} error={fieldError('/reason')} required>
              {(control) => (
                <input
                  {...control}
                  name="role-reason"
                  value={draft.reason}
                  onChange={(e) => update({ reason: e.target.value })}
                />
              )}
            </Field>
            <ProblemNotice error={general} />
            <Actions busy={busy} saved={saved} label={t('forms.role.submit')} testId="role-submit" />
          </form>
        ) : (
          <p className="notice">{t('forms.triageOnly')}</p>
        )}
      </TeamOnly>
    </Panel>
  );
}

/** The non-punishment flag (triage officers) and consent to processing (the team), each with its basis. */
export function ProtectionForm({ c, onTeam, reload }: FormProps) {
  const { t } = useTranslation('rescue');
  const can = useCan();
  const [np, updateNp, clearNp] = useDraft(`rescue.${c.id}.non-punishment`, {
    flag: c.nonPunishment,
    reason: '',
  });
  const [consent, updateConsent, clearConsent] = useDraft(`rescue.${c.id}.consent`, {
    given: c.consent.given,
    basis: c.consent.basis ?? '',
  });
  const npSubmit = useSubmit(reload);
  const consentSubmit = useSubmit(reload);
  return (
    <Panel title={t('forms.protection.title')}>
      <p data-testid="non-punishment-state" data-flag={String(c.nonPunishment)}>
        {c.nonPunishment ? t('forms.protection.flagged') : t('forms.protection.notFlagged')}
      </p>
      <TeamOnly onTeam={onTeam}>
        {can('rescue.triage') && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void npSubmit.submit(
                { '/reason': reasonCheck(np.reason, t('forms.reasonMin')) },
                () => rescueApi.nonPunishment(c.id, np.flag, np.reason.trim()),
                () => clearNp({ flag: np.flag, reason: '' }),
              );
            }}
          >
            <label className="choice">
              <input
                type="checkbox"
                name="non-punishment"
                checked={np.flag}
                onChange={(e) => updateNp({ flag: e.target.checked })}
              />{' '}
              {t('forms.protection.nonPunishment')}
            </label>
            <Field
              label={t('forms.protection.nonPunishmentReason')}
              error={npSubmit.fieldError('/reason')}
              required
            >
              {(control) => (
                <input
                  {...control}
                  name="non-punishment-reason"
                  value={np.reason}
                  onChange={(e) => updateNp({ reason: e.target.value })}
                />
              )}
            </Field>
            <ProblemNotice error={npSubmit.general} />
            <Actions
              busy={npSubmit.busy}
              saved={npSubmit.saved}
              label={t('forms.protection.nonPunishmentSubmit')}
              testId="non-punishment-submit"
            />
          </form>
        )}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void consentSubmit.submit(
              { '/basis': consent.basis.trim().length < 3 && t('forms.protection.consentBasisMin') },
              () => rescueApi.consent(c.id, consent.given, consent.basis.trim()),
              () => clearConsent({ given: consent.given, basis: consent.basis.trim() }),
            );
          }}
        >
          <label className="choice">
            <input
              type="checkbox"
              name="consent"
              checked={consent.given}
              onChange={(e) => updateConsent({ given: e.target.checked })}
            />{' '}
            {t('forms.protection.consent')}
          </label>
          <Field
            label={t('forms.protection.consentBasis')}
            error={consentSubmit.fieldError('/basis')}
            required
          >
            {(control) => (
              <input
                {...control}
                name="consent-basis"
                value={consent.basis}
                onChange={(e) => updateConsent({ basis: e.target.value })}
              />
            )}
          </Field>
          <ProblemNotice error={consentSubmit.general} />
          <Actions
            busy={consentSubmit.busy}
            saved={consentSubmit.saved}
            label={t('forms.protection.consentSubmit')}
            testId="consent-submit"
          />
        </form>
      </TeamOnly>
    </Panel>
  );
}

const localInput = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => new Date(value).toISOString();

interface RepatriationDraft {
  docType: string;
  issuedAt: string;
  docNumber: string;
  flightNumber: string;
  flightDate: string;
  from: string;
  to: string;
  escorts: { name: string; agency?: string }[];
  escortName: string;
  escortAgency: string;
  arrivalAt: string;
  handoverTo: string;
  handoverBy: string;
  handoverAt: string;
  followUp: string;
}

function repatriationDraft(r: RepatriationView): RepatriationDraft {
  return {
    docType: r.travelDocument?.type ?? '',
    issuedAt: r.travelDocument?.issuedAt ?? '',
    docNumber: r.travelDocument?.number ?? '',
    flightNumber: r.flight?.number ?? '',
    flightDate: r.flight?.date ?? '',
    from: r.flight?.from ?? 'PNH',
    to: r.flight?.to ?? 'ICN',
    escorts: r.escortOfficers ?? [],
    escortName: '',
    escortAgency: '',
    arrivalAt: localInput(r.arrival?.at),
    handoverTo: r.handover?.to ?? 'family',
    handoverBy: r.handover?.by ?? '',
    handoverAt: localInput(r.handover?.at),
    followUp: '',
  };
}

/** Travel document, flight, escort, arrival, handover and follow-up, each filled in as it happens. */
export function RepatriationForm({ c, onTeam, reload }: FormProps) {
  const { t } = useTranslation('rescue');
  const me = useMe();
  const [d, update, clear] = useDraft<RepatriationDraft>(
    `rescue.${c.id}.repatriation`,
    repatriationDraft(c.repatriation),
  );
  const { submit, fieldError, general, busy, saved } = useSubmit(reload);
  const flightWanted = Boolean(d.flightNumber.trim() || d.flightDate);
  const flightNumber = d.flightNumber.trim().toUpperCase();

  function body(): RepatriationView {
    const escorts = [...d.escorts];
    if (d.escortName.trim())
      escorts.push({
        name: d.escortName.trim(),
        ...(d.escortAgency.trim() && { agency: d.escortAgency.trim() }),
      });
    const notes = [...(c.repatriation.followUpNotes ?? [])];
    if (d.followUp.trim())
      notes.push({ at: new Date().toISOString(), by: me.displayName, text: d.followUp.trim() });
    return {
      ...(d.docType &&
        d.issuedAt && {
          travelDocument: {
            type: d.docType,
            issuedAt: d.issuedAt,
            ...(d.docNumber.trim() && { number: d.docNumber.trim() }),
          },
        }),
      ...(flightWanted && {
        flight: {
          number: flightNumber,
          date: d.flightDate,
          from: d.from.trim().toUpperCase(),
          to: d.to.trim().toUpperCase(),
        },
      }),
      escortOfficers: escorts,
      ...(d.arrivalAt && { arrival: { at: fromLocalInput(d.arrivalAt) } }),
      ...(d.handoverBy.trim() &&
        d.handoverAt && {
          handover: { to: d.handoverTo, by: d.handoverBy.trim(), at: fromLocalInput(d.handoverAt) },
        }),
      followUpNotes: notes,
    };
  }

  const done = c.repatriationProgress.done ?? {};
  return (
    <Panel title={t('forms.repatriation.title')}>
      <p data-testid="repatriation-progress">
        {t('forms.repatriation.progress', {
          done: c.repatriationProgress.doneCount,
          total: c.repatriationProgress.total,
        })}
      </p>
      <ol className="button-row">
        {Object.entries(done).map(([step, isDone]) => (
          <li key={step}>
            <Badge tone={isDone ? 'ok' : 'neutral'}>
              {isDone ? '✓ ' : ''}
              {t(`forms.repatriation.steps.${step}`)}
            </Badge>
          </li>
        ))}
      </ol>
      <TeamOnly onTeam={onTeam}>
        <form
          noValidate
          data-testid="repatriation-form"
          onSubmit={(e) => {
            e.preventDefault();
            const next = body();
            void submit(
              {
                '/travelDocument/issuedAt': Boolean(d.docType) && !d.issuedAt && t('forms.required'),
                '/flight/number':
                  flightWanted &&
                  !/^[A-Z0-9]{2}[0-9]{1,4}[A-Z]?$/.test(flightNumber) &&
                  t('forms.repatriation.flightNumberInvalid'),
                '/flight/date': flightWanted && !d.flightDate && t('forms.required'),
                '/flight/from':
                  flightWanted &&
                  !/^[A-Z]{3}$/.test(d.from.trim().toUpperCase()) &&
                  t('forms.repatriation.airportInvalid'),
                '/flight/to':
                  flightWanted &&
                  !/^[A-Z]{3}$/.test(d.to.trim().toUpperCase()) &&
                  t('forms.repatriation.airportInvalid'),
                '/handover/at': Boolean(d.handoverBy.trim()) && !d.handoverAt && t('forms.required'),
                '/handover/by': Boolean(d.handoverAt) && !d.handoverBy.trim() && t('forms.required'),
              },
              () => rescueApi.repatriation(c.id, next),
              () => clear({ ...repatriationDraft(next) }),
            );
          }}
        >
          <fieldset>
            <legend>{t('forms.repatriation.travelDocument')}</legend>
            <Field label={t('forms.repatriation.docType')} error={fieldError('/travelDocument/type')}>
              {(control) => (
                <select
                  {...control}
                  name="doc-type"
                  value={d.docType}
                  onChange={(e) => update({ docType: e.target.value })}
                >
                  <option value="">—</option>
                  <option value="emergency_travel_certificate">{t('forms.repatriation.etc')}</option>
                  <option value="new_passport">{t('forms.repatriation.passport')}</option>
                </select>
              )}
            </Field>
            <Field label={t('forms.repatriation.issuedAt')} error={fieldError('/travelDocument/issuedAt')}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  name="doc-issued"
                  value={d.issuedAt}
                  onChange={(e) => update({ issuedAt: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('forms.repatriation.docNumber')} error={fieldError('/travelDocument/number')}>
              {(control) => (
                <input
                  {...control}
                  name="doc-number"
                  value={d.docNumber}
                  onChange={(e) => update({ docNumber: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>{t('forms.repatriation.flight')}</legend>
            <Field
              label={t('forms.repatriation.flightNumber')}
              hint={t('forms.repatriation.flightNumberHint')}
              error={fieldError('/flight/number')}
            >
              {(control) => (
                <input
                  {...control}
                  name="flight-number"
                  value={d.flightNumber}
                  onChange={(e) => update({ flightNumber: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('forms.repatriation.flightDate')} error={fieldError('/flight/date')}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  name="flight-date"
                  value={d.flightDate}
                  onChange={(e) => update({ flightDate: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('forms.repatriation.from')} error={fieldError('/flight/from')}>
              {(control) => (
                <input
                  {...control}
                  name="flight-from"
                  maxLength={3}
                  value={d.from}
                  onChange={(e) => update({ from: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('forms.repatriation.to')} error={fieldError('/flight/to')}>
              {(control) => (
                <input
                  {...control}
                  name="flight-to"
                  maxLength={3}
                  value={d.to}
                  onChange={(e) => update({ to: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>{t('forms.repatriation.escort')}</legend>
            <ul>
              {d.escorts.map((officer, i) => (
                <li key={`${officer.name}-${officer.agency ?? ''}`}>
                  {officer.name}
                  {officer.agency ? ` (${officer.agency})` : ''}{' '}
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => update({ escorts: d.escorts.filter((_, j) => j !== i) })}
                  >
                    {t('forms.repatriation.remove')}
                  </button>
                </li>
              ))}
            </ul>
            <Field label={t('forms.repatriation.escortName')} error={fieldError('/escortOfficers')}>
              {(control) => (
                <input
                  {...control}
                  name="escort-name"
                  value={d.escortName}
                  onChange={(e) => update({ escortName: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('forms.repatriation.escortAgency')}>
              {(control) => (
                <input
                  {...control}
                  name="escort-agency"
                  value={d.escortAgency}
                  onChange={(e) => update({ escortAgency: e.target.value })}
                />
              )}
            </Field>
            <button
              type="button"
              disabled={!d.escortName.trim()}
              onClick={() =>
                update({
                  escorts: [
                    ...d.escorts,
                    {
                      name: d.escortName.trim(),
                      ...(d.escortAgency.trim() && { agency: d.escortAgency.trim() }),
                    },
                  ],
                  escortName: '',
                  escortAgency: '',
                })
              }
            >
              {t('forms.repatriation.addEscort')}
            </button>
          </fieldset>
          <fieldset>
            <legend>{t('forms.repatriation.arrival')}</legend>
            <Field label={t('forms.repatriation.arrivalAt')} error={fieldError('/arrival')}>
              {(control) => (
                <input
                  {...control}
                  type="datetime-local"
                  name="arrival-at"
                  value={d.arrivalAt}
                  onChange={(e) => update({ arrivalAt: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>{t('forms.repatriation.handover')}</legend>
            <Field label={t('forms.repatriation.handoverTo')} error={fieldError('/handover/to')}>
              {(control) => (
                <select
                  {...control}
                  name="handover-to"
                  value={d.handoverTo}
                  onChange={(e) => update({ handoverTo: e.target.value })}
                >
                  {(['family', 'police', 'shelter'] as const).map((to) => (
                    <option key={to} value={to}>
                      {t(`forms.repatriation.handoverTargets.${to}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('forms.repatriation.handoverBy')} error={fieldError('/handover/by')}>
              {(control) => (
                <input
                  {...control}
                  name="handover-by"
                  value={d.handoverBy}
                  onChange={(e) => update({ handoverBy: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('forms.repatriation.handoverAt')} error={fieldError('/handover/at')}>
              {(control) => (
                <input
                  {...control}
                  type="datetime-local"
                  name="handover-at"
                  value={d.handoverAt}
                  onChange={(e) => update({ handoverAt: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>{t('forms.repatriation.followUp')}</legend>
            <ul data-testid="follow-up-notes">
              {(c.repatriation.followUpNotes ?? []).map((note) => (
                <li key={note.at}>
                  <Time value={note.at} /> · {note.by}: {note.text}
                </li>
              ))}
            </ul>
            <Field label={t('forms.repatriation.followUpText')} error={fieldError('/followUpNotes')}>
              {(control) => (
                <textarea
                  {...control}
                  name="follow-up"
                  rows={2}
                  value={d.followUp}
                  onChange={(e) => update({ followUp: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
          <ProblemNotice error={general} />
          <Actions
            busy={busy}
            saved={saved}
            label={t('forms.repatriation.submit')}
            testId="repatriation-submit"
          />
        </form>
      </TeamOnly>
    </Panel>
  );
}

/** Compound from the register, province, map pin, floor and room. */
export function LocationForm({ c, onTeam, reload }: FormProps) {
  const { t, i18n } = useTranslation('rescue');
  const compounds = useResource(() => rescueApi.compounds(), []);
  const initial = {
    compoundId: c.compound?.id ?? '',
    compoundName: c.location.compoundName ?? '',
    province: c.location.province ?? '',
    floor: c.location.floor ?? '',
    room: c.location.room ?? '',
    pin: c.location.coordinates ?? null,
  };
  const [d, update, clear] = useDraft<typeof initial>(`rescue.${c.id}.location`, initial);
  const { submit, fieldError, general, busy, saved } = useSubmit(reload);
  const onPick = useCallback((lat: number, lon: number) => update({ pin: { lat, lon } }), [update]);
  return (
    <Panel title={t('forms.location.title')}>
      <TeamOnly onTeam={onTeam}>
        <form
          noValidate
          data-testid="location-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(
              {},
              () =>
                rescueApi.location(c.id, {
                  compoundId: d.compoundId || null,
                  ...(d.compoundName.trim() && { compoundName: d.compoundName.trim() }),
                  ...(d.province && { province: d.province }),
                  ...(d.floor.trim() && { floor: d.floor.trim() }),
                  ...(d.room.trim() && { room: d.room.trim() }),
                  ...(d.pin && { coordinates: d.pin }),
                }),
              () => clear(d),
            );
          }}
        >
          <Field label={t('forms.location.compound')} error={fieldError('/compoundId')}>
            {(control) => (
              <select
                {...control}
                name="compound-id"
                value={d.compoundId}
                onChange={(e) => {
                  const chosen = compounds.data?.find((x) => x.id === e.target.value);
                  update({
                    compoundId: e.target.value,
                    ...(chosen && { province: chosen.province }),
                    ...(chosen?.lat != null &&
                      chosen.lon != null && { pin: { lat: chosen.lat, lon: chosen.lon } }),
                  });
                }}
              >
                <option value="">{t('forms.location.noCompound')}</option>
                {compounds.data?.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('forms.location.compoundName')} error={fieldError('/compoundName')}>
            {(control) => (
              <input
                {...control}
                name="compound-name"
                value={d.compoundName}
                onChange={(e) => update({ compoundName: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('forms.location.province')} error={fieldError('/province')}>
            {(control) => (
              <select
                {...control}
                name="province"
                value={d.province}
                onChange={(e) => update({ province: e.target.value })}
              >
                <option value="">{t('forms.location.anyProvince')}</option>
                {Object.entries(cambodianProvinces).map(([id, p]) => (
                  <option key={id} value={id}>
                    {i18n.language === 'km' ? p.km : p.en}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="grid-2">
            <Field label={t('forms.location.floor')} error={fieldError('/floor')}>
              {(control) => (
                <input
                  {...control}
                  name="floor"
                  value={d.floor}
                  onChange={(e) => update({ floor: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('forms.location.room')} error={fieldError('/room')}>
              {(control) => (
                <input
                  {...control}
                  name="room"
                  value={d.room}
                  onChange={(e) => update({ room: e.target.value })}
                />
              )}
            </Field>
          </div>
          <p className="field-hint">
            {d.pin
              ? t('forms.location.pinAt', { lat: d.pin.lat.toFixed(4), lon: d.pin.lon.toFixed(4) })
              : t('forms.location.pin')}{' '}
            {d.pin && (
              <button type="button" className="button-quiet" onClick={() => update({ pin: null })}>
                {t('forms.location.clearPin')}
              </button>
            )}
          </p>
          <CompoundMap
            points={
              d.pin
                ? [{ id: 'pin', ...d.pin, label: `${d.pin.lat.toFixed(4)}, ${d.pin.lon.toFixed(4)}` }]
                : []
            }
            onPick={onPick}
            height={260}
          />
          <p className="field-error">{fieldError('/coordinates')}</p>
          <ProblemNotice error={general} />
          <Actions busy={busy} saved={saved} label={t('forms.location.submit')} testId="location-submit" />
        </form>
      </TeamOnly>
    </Panel>
  );
}

interface Upload {
  key: string;
  file: File;
  kind: string;
  percent: number;
  status: 'uploading' | 'failed' | 'done';
  error?: string;
}

const imageLimit = 8 * 1024 * 1024;
const videoLimit = 40 * 1024 * 1024;

/** The case's files, and staff uploads with progress and a retry for each failed one. */
export function FilesPanel({ c, onTeam, reload }: FormProps) {
  const { t } = useTranslation('rescue');
  const [kind, setKind] = useState<string>('photo');
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const patch = (key: string, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  async function run(upload: Upload) {
    patch(upload.key, { status: 'uploading', percent: 0, error: undefined });
    try {
      await uploadCaseFile(c.id, upload.kind, upload.file, (percent) => patch(upload.key, { percent }));
      patch(upload.key, { status: 'done', percent: 100 });
      reload();
    } catch (failure) {
      patch(upload.key, {
        status: 'failed',
        error: failure instanceof ApiError ? (failure.detail ?? failure.title) : String(failure),
      });
    }
  }

  function choose(files: FileList | null) {
    setProblem(undefined);
    for (const file of Array.from(files ?? [])) {
      const isVideo = file.type === 'video/mp4';
      if (
        !['image/jpeg', 'image/png', 'image/webp', 'video/mp4'].includes(file.type) ||
        isVideo !== (kind === 'video')
      ) {
        setProblem(t('forms.files.wrongType'));
        continue;
      }
      const limit = isVideo ? videoLimit : imageLimit;
      if (file.size > limit) {
        setProblem(t('forms.files.tooBig', { mb: limit / 1024 / 1024 }));
        continue;
      }
      const upload: Upload = {
        key: `${file.name}-${Date.now()}-${Math.random()}`,
        file,
        kind,
        percent: 0,
        status: 'uploading',
      };
      setUploads((list) => [...list, upload]);
      void run(upload);
    }
  }

  return (
    <Panel title={t('forms.files.title')}>
      {c.files.length === 0 ? (
        <p>{t('forms.files.none')}</p>
      ) : (
        <ul data-testid="case-files">
          {c.files.map((f) => (
            <li key={f.id}>
              <a href={`/api/v1/rescue/cases/${c.id}/files/${f.id}`} target="_blank" rel="noreferrer">
                {t(`forms.files.kinds.${f.kind}`, { defaultValue: f.kind })}
              </a>{' '}
              · {f.mime} · {Math.ceil(f.size / 1024)} KB · <Time value={f.uploadedAt} />
            </li>
          ))}
        </ul>
      )}
      <TeamOnly onTeam={onTeam}>
        <Field label={t('forms.files.kind')}>
          {(control) => (
            <select {...control} name="file-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {fileKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`forms.files.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('forms.files.choose')} error={problem}>
          {(control) => (
            <input
              {...control}
              type="file"
              name="case-file"
              multiple
              accept={kind === 'video' ? 'video/mp4' : 'image/jpeg,image/png,image/webp'}
              onChange={(e) => {
                choose(e.target.files);
                e.target.value = '';
              }}
            />
          )}
        </Field>
        <ul data-testid="uploads">
          {uploads.map((u) => (
            <li key={u.key} data-status={u.status}>
              {u.file.name} ·{' '}
              {u.status === 'uploading' && (
                <>
                  <progress max={100} value={u.percent} />{' '}
                  {t('forms.files.uploading', { percent: u.percent })}
                </>
              )}
              {u.status === 'done' && t('forms.files.done')}
              {u.status === 'failed' && (
                <>
                  <span className="field-error">{t('forms.files.failed', { reason: u.error ?? '' })}</span>{' '}
                  <button type="button" onClick={() => void run(u)} data-testid="upload-retry">
                    {t('forms.files.retry')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </TeamOnly>
    </Panel>
  );
}
