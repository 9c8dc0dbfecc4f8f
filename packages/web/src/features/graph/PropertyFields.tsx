import type { Language } from '@liaison/core';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field.tsx';
import { formProperties } from './entity-form.ts';

/** One field per property of the entity type, built from its description; each error right under its field. */
export function PropertyFields({
  type,
  values,
  onChange,
  fieldError,
}: {
  type: string;
  values: Record<string, string>;
  onChange(values: Record<string, string>): void;
  fieldError(path: string): string | undefined;
}) {
  const { t, i18n } = useTranslation('graph');
  const language = i18n.language as Language;
  return (
    <div className="filter-grid">
      {formProperties(type).map((spec) => (
        <Field
          key={spec.name}
          label={t(`properties.${spec.name}`, { defaultValue: spec.name })}
          required={spec.required === true}
          hint={
            spec.type === 'names'
              ? t('panel.nameHint')
              : spec.type === 'string[]'
                ? t('panel.listHint')
                : undefined
          }
          error={fieldError(`/properties/${spec.name}`)}
        >
          {(control) =>
            spec.type === 'enum' ? (
              <select
                {...control}
                name={spec.name}
                value={values[spec.name] ?? ''}
                onChange={(e) => onChange({ ...values, [spec.name]: e.target.value })}
              >
                <option value="" />
                {spec.values?.map((value) => (
                  <option key={value} value={value}>
                    {spec.valueLabels?.[value]?.[language] ?? value}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...control}
                name={spec.name}
                type={spec.type === 'date' ? 'date' : spec.type === 'number' ? 'number' : 'text'}
                value={values[spec.name] ?? ''}
                onChange={(e) => onChange({ ...values, [spec.name]: e.target.value })}
              />
            )
          }
        </Field>
      ))}
    </div>
  );
}
