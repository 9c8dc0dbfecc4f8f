import { useTranslation } from 'react-i18next';
import { useMe, useSession } from '../app/session.tsx';
import { FugitiveAlerts } from '../features/fugitive-flag/FugitiveAlerts.tsx';
import { ShellExtras } from '../features/live/ShellExtras.tsx';
import { Badge } from '../ui/Badge.tsx';
import { useAgencies } from '../ui/use-agencies.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { MenuButton } from './MenuButton.tsx';
import { SearchBox } from './SearchBox.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';

/**
 * The brand, the search box, what is live (hit count, fugitive alerts) and the user's tools. At phone width the
 * tools sit behind the menu button with the navigation; search and what is live stay in view.
 */
export function Header({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu: () => void }) {
  const { t } = useTranslation('shell');
  const me = useMe();
  const { logout } = useSession();
  const agency = useAgencies().data?.find((a) => a.id === me.agencyId);
  return (
    <header className="shell-header">
      <div className="brand">
        <span className="brand-name">{t('productName')}</span>
        <span className="brand-tagline">{t('tagline')}</span>
      </div>
      <SearchBox />
      <div className="header-live">
        <ShellExtras />
        <FugitiveAlerts />
        <MenuButton open={menuOpen} onToggle={onToggleMenu} />
      </div>
      <div className="header-tools" id="shell-header-tools">
        <Badge tone="info" title={agency?.name}>
          {me.agencyCode}
        </Badge>
        <span className="header-user" data-testid="header-user">
          {me.displayName}
        </span>
        <LanguageSwitcher />
        <ThemeToggle />
        <button type="button" className="button button-quiet" onClick={() => void logout()}>
          {t('logout')}
        </button>
      </div>
    </header>
  );
}
