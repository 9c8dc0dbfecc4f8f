import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field.tsx';
import type { RepatriationFieldsetProps } from './repatriation-draft.ts';

/** When the person arrived. */
export function ArrivalFieldset({ d, update, fieldError }: RepatriationFieldsetProps) {
  const { t } = useTranslation('rescue');
  return (
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
  );
}

/** Who the person was handed over to, by whom and when. */
export function HandoverFieldset({ d, update, fieldError }: RepatriationFieldsetProps) {
  const { t } = useTranslation('rescue');
  return (
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
  );
}
