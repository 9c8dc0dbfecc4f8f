import type { User } from '@liaison/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { accountsApi } from '../../app/accounts-api.ts';
import { useCan } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useAgencies } from '../../ui/use-agencies.ts';
import { RoleGrantsPanel, useRoleNames } from './RoleGrantsPanel.tsx';

function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation('ui');
  if (user.disabled) return <Badge tone="danger">{t('state.disabled')}</Badge>;
  if (user.lockedUntil) return <Badge tone="warn">{t('state.locked')}</Badge>;
  return <Badge tone="ok">{t('state.active')}</Badge>;
}

/** All users, filtered by agency (kept in the address so it survives reloads and can be shared). */
export function UsersListPage() {
  const { t } = useTranslation(['admin', 'ui']);
  const can = useCan();
  const filterId = useId();
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agency') ?? '';
  const agencies = useAgencies();
  const users = useResource(() => accountsApi.users(agencyId || undefined), [agencyId]);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const roleNames = useRoleNames();

  return (
    <div className="page">
      <PageHeader title={t('users.title')}>
        {can('users.manage') && (
          <Link className="button button-primary" to="new">
            {t('users.create')}
          </Link>
        )}
      </PageHeader>
      {notice && (
        <p className="notice notice-ok" role="status" data-testid="users-notice">
          {notice}
        </p>
      )}
      <RoleGrantsPanel onDecided={() => users.reload()} />
      <Panel
        title={t('users.title')}
        actions={
          <div className="filter-bar">
            <label htmlFor={filterId}>{t('users.filterAgency')}</label>
            <select
              id={filterId}
              name="agency"
              value={agencyId}
              onChange={(e) => setParams(e.target.value ? { agency: e.target.value } : {})}
            >
              <option value="">{t('users.allAgencies')}</option>
              {agencies.data?.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.code} — {agency.name}
                </option>
              ))}
            </select>
            <span className="count">{users.data ? t('users.count', { count: users.data.length }) : ''}</span>
          </div>
        }
      >
        {users.loading && !users.data && <Loading />}
        <ProblemNotice error={users.error} />
        {users.data?.length === 0 && <EmptyState />}
        {users.data && users.data.length > 0 && (
          <div className="table-wrap">
            <table className="table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('users.status')}</th>
                  <th scope="col">{t('users.name')}</th>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.agency')}</th>
                  <th scope="col">{t('users.roles')}</th>
                  <th scope="col">{t('users.totp')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((user) => (
                  <tr key={user.id}>
                    <td>
                      <UserStatus user={user} />
                    </td>
                    <td>
                      <Link to={user.id}>{user.displayName}</Link>
                    </td>
                    <td className="mono">{user.email}</td>
                    <td>
                      <Badge tone="info">{user.agencyCode}</Badge>
                    </td>
                    <td>
                      {roleNames(user.roles)}
                      {user.pendingRoles.length > 0 && (
                        <>
                          {' '}
                          <Badge tone="warn">
                            {t('users.pending', { roles: roleNames(user.pendingRoles) })}
                          </Badge>
                        </>
                      )}
                    </td>
                    <td>{user.totpEnrolled ? t('users.enrolled') : t('users.notEnrolled')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}
