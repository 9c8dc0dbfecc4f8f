import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The public pages' language buttons, each named in its own language (no account, so no saved preference). */
const languages = [
  ['ko', '한국어'],
  ['en', 'English'],
  ['km', 'ខ្មែរ'],
] as const;

export function PublicLanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <nav className="button-row" aria-label="Language">
      {languages.map(([code, name]) => (
        <button
          key={code}
          type="button"
          className="button button-quiet"
          aria-pressed={i18n.language === code}
          onClick={() => i18n.changeLanguage(code)}
        >
          {name}
        </button>
      ))}
    </nav>
  );
}

/** Copies the whole private link, so the family can keep it somewhere safe; says when it is copied. */
export function CopyLinkButton({ path }: { path: string }) {
  const { t } = useTranslation('public-report');
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button"
      data-testid="copy-private-link"
      onClick={async () => {
        await navigator.clipboard.writeText(new URL(path, window.location.origin).toString());
        setCopied(true);
      }}
    >
      {copied ? t('linkCopied') : t('copyLink')}
    </button>
  );
}
