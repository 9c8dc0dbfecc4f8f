import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/fields.tsx';

/** The name a user is shown by, on the create and the edit form. */
export function DisplayNameField({
  value,
  onValueChange,
  error,
}: {
  value: string;
  onValueChange(displayName: string): void;
  error: string | undefined;
}) {
  const { t } = useTranslation('admin');
  return (
    <TextField
      label={t('users.name')}
      error={error}
      required
      name="displayName"
      value={value}
      onValueChange={onValueChange}
    />
  );
}
