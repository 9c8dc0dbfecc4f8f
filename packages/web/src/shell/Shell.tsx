import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './Header.tsx';
import { Nav } from './Nav.tsx';

/** The frame of every signed-in page: header on top, navigation at the left, the page in the middle. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation('shell');
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Header />
      <Nav />
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
