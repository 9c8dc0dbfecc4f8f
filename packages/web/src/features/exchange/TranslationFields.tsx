import { languages } from '@liaison/core';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field.tsx';
import type { ItemLanguage } from './exchange-api.ts';
import type { MessageDraft } from './message-draft.ts';

/** Subject and text in the other two languages, so each side can read it in its own. */
export function TranslationFields({
  draft,
  update,
}: {
  draft: MessageDraft;
  update: (patch: Partial<MessageDraft>) => void;
}) {
  const { t } = useTranslation('exchange');
  const set = (language: ItemLanguage, patch: Partial<{ subject: string; body: string }>) =>
    update({
      translations: { ...draft.translations, [language]: { ...draft.translations[language], ...patch } },
    });
  return (
    <fieldset className="field" data-testid="translation-fields">
      <legend>{t('form.translations')}</legend>
      <p className="field-hint">{t('form.translationsHint')}</p>
      {languages
        .filter((language) => language !== draft.language)
        .map((language) => (
          <div key={language} className="form-row">
            <Field label={t('form.translationSubject', { language: t(`language.${language}`) })}>
              {(control) => (
                <input
                  {...control}
                  name={`translation-${language}-subject`}
                  lang={language}
                  value={draft.translations[language].subject}
                  maxLength={300}
                  onChange={(e) => set(language, { subject: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('form.translationBody', { language: t(`language.${language}`) })}>
              {(control) => (
                <textarea
                  {...control}
                  name={`translation-${language}-body`}
                  lang={language}
                  rows={3}
                  value={draft.translations[language].body}
                  onChange={(e) => set(language, { body: e.target.value })}
                />
              )}
            </Field>
          </div>
        ))}
    </fieldset>
  );
}
