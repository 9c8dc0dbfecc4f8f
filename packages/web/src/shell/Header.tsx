import { useTranslation } from 'react-i18next';
import { useMe, useSession } from '../app/session.tsx';
import { FugitiveAlerts } from '../features/fugitive-flag/FugitiveAlerts.tsx';
import { ShellExtras } from '../features/live/ShellExtras.tsx';
import { Badge } from '../ui/Badge.tsx';
import { useAgencies } from '../ui/use-agencies.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { SearchBox } from './SearchBox.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';

export function Header() {
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
      <div className="header-tools">
        <Badge tone="info" title={agency?.name}>
          {me.agencyCode}
        </Badge>
        <span className="header-user" data-testid="header-user">
          {me.displayName}
        </span>
        <ShellExtras />
        <FugitiveAlerts />
        <LanguageSwitcher />
        <ThemeToggle />
        <button type="button" className="button button-quiet" onClick={() => void logout()}>
          {t('logout')}
        </button>
      </div>
    </header>
  );
}
