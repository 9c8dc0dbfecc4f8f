import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field.tsx';
import type { RepatriationFieldsetProps } from './repatriation-draft.ts';

/** The travel document: emergency certificate or new passport, when issued, its number. */
export function TravelDocumentFieldset({ d, update, fieldError }: RepatriationFieldsetProps) {
  const { t } = useTranslation('rescue');
  return (
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
  );
}

/** The flight home: number, date and the two airports. */
export function FlightFieldset({ d, update, fieldError }: RepatriationFieldsetProps) {
  const { t } = useTranslation('rescue');
  return (
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
  );
}
