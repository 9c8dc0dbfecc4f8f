import { needsApproval, type Role, roles } from '@liaison/core';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { Fieldset } from '../../ui/Field.tsx';

/**
 * The roles of a user as checkboxes: several may be held at once. Roles that read case data (and
 * administrator) are marked: one administrator proposes them, a second one approves.
 */
export function RolesFieldset({
  value,
  pending = [],
  onChange,
  error,
}: {
  value: Role[];
  pending?: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation(['admin', 'ui']);
  return (
    <Fieldset legend={t('users.roles')} error={error}>
      <p className="field-hint">{t('users.approvalHint')}</p>
      {roles.map((role) => (
        <label key={role} className="choice">
          <input
            type="checkbox"
            name="roles"
            value={role}
            checked={value.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
          />
          {t(`ui:roles.${role}`)}
          {needsApproval(role) && <span aria-hidden="true"> ✱</span>}
          {pending.includes(role) && (
            <>
              {' '}
              <Badge tone="warn">{t('users.waiting')}</Badge>
            </>
          )}
        </label>
      ))}
    </Fieldset>
  );
}
