import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyTheme, type Theme } from '../app/theme.ts';

export function ThemeToggle() {
  const { t } = useTranslation('shell');
  const [theme, setTheme] = useState<Theme>(() =>
    document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light',
  );
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="button button-quiet"
      aria-pressed={theme === 'dark'}
      data-testid="theme-toggle"
      onClick={() => {
        applyTheme(next);
        setTheme(next);
      }}
    >
      {t('themeDark')}
    </button>
  );
}
