import { type Language, languages } from '@liaison/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../app/i18n.ts';
import { useSession } from '../app/session.tsx';

/** Each language named in itself, so anyone can find their own whatever the current one. */
export const languageNames: Record<Language, string> = { en: 'English', ko: '한국어', km: 'ខ្មែរ' };

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('shell');
  const { changeLanguage } = useSession();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('language')}
      </label>
      <select
        id={id}
        name="language"
        value={i18n.language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void changeLanguage(event.target.value);
        }}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
