import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useCan } from '../app/session.tsx';
import { featureRoutes, navGroups } from '../features/registry.ts';

/** The left navigation, built from the feature registry and the user's permissions. */
export function Nav() {
  const { t } = useTranslation('shell');
  const can = useCan();
  const visible = featureRoutes.filter((feature) => can(feature.permission));
  return (
    <nav className="shell-nav" id="shell-nav" aria-label={t('navigation')}>
      <div className="nav-inner">
        {navGroups.map((group) => {
          const items = visible.filter((feature) => feature.navGroup === group);
          if (items.length === 0) return null;
          return (
            <div key={group} className="nav-group">
              <h2 className="nav-group-title">{t(`navGroups.${group}`)}</h2>
              <ul>
                {items.map((feature) => (
                  <li key={feature.id}>
                    <NavLink to={feature.path} end={feature.path === '/'} data-testid={`nav-${feature.id}`}>
                      {t(feature.labelKey)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </nav>
  );
}
