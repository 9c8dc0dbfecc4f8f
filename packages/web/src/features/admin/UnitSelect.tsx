import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field.tsx';
import { useUnits } from '../../ui/use-agencies.ts';

/** The units of the chosen agency; empty string means "no unit". */
export function UnitSelect(props: {
  agencyId: string;
  value: string;
  onChange: (unitId: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('admin');
  const units = useUnits(props.agencyId || undefined);
  return (
    <Field label={t('users.unit')} error={props.error}>
      {(control) => (
        <select
          {...control}
          name="unitId"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        >
          <option value="">{t('users.noUnit')}</option>
          {units.data?.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
