import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useTableCardLabels } from '../ui/table-card-labels.ts';
import { Header } from './Header.tsx';
import { Nav } from './Nav.tsx';

/**
 * The frame of every signed-in page: header on top, navigation at the left, the page in the middle. At phone
 * width the navigation and the header's tools fold into a menu (shell.css), so the page gets the screen.
 */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation('shell');
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useTableCardLabels();

  // Choosing a page closes the menu: the person wanted that page, not the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => setMenuOpen(false), [pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <div className="shell" data-menu={menuOpen ? 'open' : 'closed'}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Header menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((open) => !open)} />
      <Nav />
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
