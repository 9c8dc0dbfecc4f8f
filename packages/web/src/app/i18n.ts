import { type Language, languages } from '@liaison/core';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Catalogue, Messages } from './messages.ts';

const storageKey = 'liaison.language';

// Every `i18n.ts` of a feature, of the shell and of the shared UI is found here: adding a feature folder
// with an i18n.ts adds its namespace, with no shared file to edit.
const modules = import.meta.glob<{ messages: Catalogue<Messages> }>(
  ['../features/*/i18n.ts', '../shell/i18n.ts', '../ui/i18n.ts'],
  {
    eager: true,
  },
);

export function namespaceOf(modulePath: string): string {
  const parts = modulePath.split('/');
  return parts[parts.length - 2] ?? 'ui';
}

function buildResources() {
  const resources: Record<string, Record<string, Messages>> = { en: {}, ko: {}, km: {} };
  for (const [modulePath, module] of Object.entries(modules)) {
    const namespace = namespaceOf(modulePath);
    for (const language of languages) resources[language]![namespace] = module.messages[language] as Messages;
  }
  return resources;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language to start in before we know the user: the last one chosen here, else the browser's. */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  if (isLanguage(saved)) return saved;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

export async function initI18n(): Promise<typeof i18next> {
  const language = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: buildResources(),
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

/** Switches the whole UI at once, and remembers the choice on this device. */
export async function applyLanguage(language: Language): Promise<void> {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

/** The BCP 47 locale for number and date formatting in each UI language. */
export const localeOf: Record<Language, string> = { en: 'en-GB', ko: 'ko-KR', km: 'km-KH' };
