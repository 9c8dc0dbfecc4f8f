import { useTranslation } from 'react-i18next';
import { useDraft } from '../../../app/draft.ts';
import { useMe } from '../../../app/session.tsx';
import { Badge } from '../../../ui/Badge.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { ProblemNotice } from '../../../ui/ProblemNotice.tsx';
import { Time } from '../../../ui/Time.tsx';
import { rescueApi } from '../rescue-api.ts';
import { EscortFieldset } from './RepatriationEscorts.tsx';
import { ArrivalFieldset, HandoverFieldset } from './RepatriationHandover.tsx';
import { FlightFieldset, TravelDocumentFieldset } from './RepatriationTravel.tsx';
import { type RepatriationDraft, repatriationBody, repatriationDraft } from './repatriation-draft.ts';
import { Actions, type FormProps, TeamOnly, useSubmit } from './shared.tsx';

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

  const done = c.repatriationProgress.done ?? {};
  return (
    <Panel title={t('forms.repatriation.title')}>
      <p data-testid="repatriation-progress">
        {t('forms.repatriation.progress', {
          done: c.repatriationProgress.doneCount,
          total: c.repatriationProgress.total,
        })}
      </p>
      <ol className="rescue-steps">
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
            const next = repatriationBody(d, c.repatriation, me.displayName);
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
          <TravelDocumentFieldset d={d} update={update} fieldError={fieldError} />
          <FlightFieldset d={d} update={update} fieldError={fieldError} />
          <EscortFieldset d={d} update={update} fieldError={fieldError} />
          <ArrivalFieldset d={d} update={update} fieldError={fieldError} />
          <HandoverFieldset d={d} update={update} fieldError={fieldError} />
          <fieldset>
            <legend>{t('forms.repatriation.followUp')}</legend>
            <ul className="plain-list" data-testid="follow-up-notes">
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
