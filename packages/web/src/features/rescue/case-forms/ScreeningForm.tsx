import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../../app/draft.ts';
import { Badge } from '../../../ui/Badge.tsx';
import { Field, Fieldset } from '../../../ui/Field.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { ProblemNotice } from '../../../ui/ProblemNotice.tsx';
import { rescueApi } from '../rescue-api.ts';
import { Actions, type FormProps, TeamOnly, useSubmit } from './shared.tsx';

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
