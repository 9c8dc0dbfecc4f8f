import type { Role, RoleGrant } from '@liaison/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { accountsApi } from '../../app/accounts-api.ts';
import { useMe } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { grantActions } from './grant-rules.ts';

export function useRoleNames(): (roles: readonly Role[]) => string {
  const { t } = useTranslation('ui');
  return (roles) => roles.map((role) => t(`roles.${role}`)).join(', ');
}

/** One pending grant: its roles, who proposed it, and the decisions this viewer may take. */
function GrantRow({
  grant,
  linkUser,
  onDecided,
}: {
  grant: RoleGrant;
  linkUser: boolean;
  onDecided: () => void;
}) {
  const { t } = useTranslation(['admin', 'ui']);
  const me = useMe();
  const roleNames = useRoleNames();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const actions = grantActions(me, grant);
  const proposer = grant.proposedBy.id === me.id;

  async function decide(decision: 'approve' | 'decline') {
    setBusy(true);
    setError(null);
    try {
      await accountsApi.decideRoleGrant(grant.id, decision);
      onDecided();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li data-testid="role-grant">
      <p>
        {linkUser && (
          <>
            <Link to={`/admin/users/${grant.user.id}`}>{grant.user.displayName}</Link>{' '}
            <Badge tone="info">{grant.user.agencyCode}</Badge>{' '}
          </>
        )}
        <strong>{roleNames(grant.roles)}</strong>
      </p>
      <p className="field-hint">
        {t('grants.proposed', { name: grant.proposedBy.displayName })} · <Time value={grant.proposedAt} />
      </p>
      {proposer && <p className="field-hint">{t('grants.ownProposal')}</p>}
      {!proposer && !actions.approve && grant.user.agencyCode !== me.agencyCode && (
        <p className="field-hint">{t('grants.otherAgency', { agency: grant.user.agencyCode })}</p>
      )}
      <ProblemNotice error={error} />
      {(actions.approve || actions.decline) && (
        <div className="form-actions">
          {actions.approve && (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void decide('approve')}
            >
              {t('grants.approve')}
            </button>
          )}
          {actions.decline && (
            <button type="button" className="button" disabled={busy} onClick={() => void decide('decline')}>
              {proposer ? t('grants.withdraw') : t('grants.decline')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * Roles waiting for a second administrator: of one user (on their page) or of everyone (on the list).
 * Renders nothing when none wait.
 */
export function RoleGrantsPanel({ userId, onDecided }: { userId?: string; onDecided?: () => void }) {
  const { t } = useTranslation('admin');
  const grants = useResource(() => accountsApi.roleGrants({ state: 'pending', userId }), [userId]);
  if (!grants.data?.length && !grants.error) return null;
  const decided = () => {
    grants.reload();
    onDecided?.();
  };
  return (
    <Panel title={t('grants.title')}>
      <ProblemNotice error={grants.error} />
      <ul className="plain-list" data-testid="role-grants">
        {grants.data?.map((grant) => (
          <GrantRow key={grant.id} grant={grant} linkUser={userId === undefined} onDecided={decided} />
        ))}
      </ul>
    </Panel>
  );
}
