import { useTranslation } from 'react-i18next';
import { languageNames } from '../../shell/LanguageSwitcher.tsx';
import { Field } from '../../ui/Field.tsx';
import { type Language, languages, type TimeZone, timeZones } from './options.ts';

interface PreferenceFieldsProps {
  language: Language;
  timeZone: TimeZone;
  errors: Record<string, string>;
  onChange: (preferences: { language?: Language; timeZone?: TimeZone }) => void;
}

/** A user's language and time zone, side by side. */
export function PreferenceFields({ language, timeZone, errors, onChange }: PreferenceFieldsProps) {
  const { t } = useTranslation(['admin', 'ui']);
  return (
    <div className="form-row">
      <Field label={t('users.language')} error={errors.language}>
        {(control) => (
          <select
            {...control}
            name="language"
            value={language}
            onChange={(e) => onChange({ language: e.target.value as Language })}
          >
            {languages.map((l) => (
              <option key={l} value={l} lang={l}>
                {languageNames[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('users.timeZone')} error={errors.timeZone}>
        {(control) => (
          <select
            {...control}
            name="timeZone"
            value={timeZone}
            onChange={(e) => onChange({ timeZone: e.target.value as TimeZone })}
          >
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {t(`ui:zones.${zone}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
