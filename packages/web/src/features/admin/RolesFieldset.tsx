import { type Role, roles } from '@liaison/core';
import { useTranslation } from 'react-i18next';
import { Fieldset } from '../../ui/Field.tsx';

/** The roles of a user as checkboxes: several may be held at once. */
export function RolesFieldset({
  value,
  onChange,
  error,
}: {
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation(['admin', 'ui']);
  return (
    <Fieldset legend={t('users.roles')} error={error}>
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
        </label>
      ))}
    </Fieldset>
  );
}
