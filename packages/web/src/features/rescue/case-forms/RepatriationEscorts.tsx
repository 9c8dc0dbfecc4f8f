import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field.tsx';
import type { RepatriationFieldsetProps } from './repatriation-draft.ts';

/** The escort officers: a list to add to and remove from. */
export function EscortFieldset({ d, update, fieldError }: RepatriationFieldsetProps) {
  const { t } = useTranslation('rescue');
  return (
    <fieldset>
      <legend>{t('forms.repatriation.escort')}</legend>
      <ul className="plain-list">
        {d.escorts.map((officer, i) => (
          <li key={`${officer.name}-${officer.agency ?? ''}`}>
            {officer.name}
            {officer.agency ? ` (${officer.agency})` : ''}{' '}
            <button
              type="button"
              className="button button-quiet"
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
        className="button"
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
  );
}
