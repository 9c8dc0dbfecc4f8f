import type { User } from '@liaison/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { accountsApi } from '../../app/accounts-api.ts';
import { useCan } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Loading, PageHeader } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { AccessPanel } from './AccessPanel.tsx';
import { ResetPasswordPanel } from './ResetPasswordPanel.tsx';
import { RoleGrantsPanel } from './RoleGrantsPanel.tsx';
import { UserDetailsForm } from './UserDetailsForm.tsx';

/** One user: their details and roles, roles waiting for approval, access (disable, lock), and password reset. */
export function UserEditPage() {
  const { t } = useTranslation(['admin', 'ui']);
  const { id = '' } = useParams();
  const can = useCan();
  const user = useResource(() => accountsApi.user(id), [id]);
  const onSaved = (_updated: User) => user.reload();

  return (
    <div className="page page-narrow">
      <PageHeader title={user.data ? user.data.displayName : t('edit.title')}>
        <Link to="..">{t('edit.back')}</Link>
      </PageHeader>
      {user.loading && !user.data && <Loading />}
      <ProblemNotice error={user.error} />
      {user.data && (
        <>
          <p className="badge-row">
            <Badge tone="info">{user.data.agencyCode}</Badge>
            <span className="mono">{user.data.email}</span>
            {user.data.disabled && <Badge tone="danger">{t('ui:state.disabled')}</Badge>}
          </p>
          <UserDetailsForm
            key={user.data.id}
            user={user.data}
            readOnly={!can('users.manage')}
            onSaved={onSaved}
          />
          <RoleGrantsPanel
            key={user.data.pendingRoles.join(',')}
            userId={user.data.id}
            onDecided={() => user.reload()}
          />
          {can('users.manage') && <AccessPanel user={user.data} onSaved={onSaved} />}
          {can('users.manage') && <ResetPasswordPanel user={user.data} onDone={() => user.reload()} />}
        </>
      )}
    </div>
  );
}
