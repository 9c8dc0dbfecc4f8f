import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { PageHeader } from '../../ui/Panel.tsx';
import { Time } from '../../ui/Time.tsx';
import { useAgencies, useUnits } from '../../ui/use-agencies.ts';
import { HomeSections } from './HomeSections.tsx';

/** Who I am and what needs me now; each panel fills in as its feature arrives. */
export default function HomePage() {
  const { t } = useTranslation(['home', 'ui']);
  const me = useMe();
  const agency = useAgencies().data?.find((a) => a.id === me.agencyId);
  const unit = useUnits(me.agencyId).data?.find((u) => u.id === me.unitId);
  return (
    <div className="page">
      <PageHeader title={t('title')} />
      <dl className="summary-row" aria-label={t('you')}>
        <div>
          <dt>{t('you')}</dt>
          <dd data-testid="home-name">{me.displayName}</dd>
        </div>
        <div>
          <dt>{t('agency')}</dt>
          <dd>
            <Badge tone="info">{me.agencyCode}</Badge> {agency?.name}
          </dd>
        </div>
        <div>
          <dt>{t('unit')}</dt>
          <dd>{unit?.name ?? t('ui:state.none')}</dd>
        </div>
        <div>
          <dt>{t('roles')}</dt>
          <dd>{me.roles.map((role) => t(`ui:roles.${role}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('now')}</dt>
          <dd>
            <Time value={new Date()} dual />
          </dd>
        </div>
      </dl>
      <HomeSections />
    </div>
  );
}
