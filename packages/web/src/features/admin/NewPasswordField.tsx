import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/fields.tsx';

/** A password being set for someone: never kept as a draft, and password managers offer a new one. */
export function NewPasswordField({
  label,
  name,
  value,
  onValueChange,
  error,
}: {
  label: string;
  name: string;
  value: string;
  onValueChange(password: string): void;
  error: string | undefined;
}) {
  const { t } = useTranslation('admin');
  return (
    <TextField
      label={label}
      hint={t('users.passwordHint')}
      error={error}
      required
      name={name}
      type="password"
      autoComplete="new-password"
      value={value}
      onValueChange={onValueChange}
    />
  );
}
