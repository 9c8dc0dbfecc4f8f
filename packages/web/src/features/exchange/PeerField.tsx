import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/fields.tsx';
import type { Peer } from './exchange-api.ts';

/** The partner node a message or query goes to; suspended partners are listed but cannot be chosen. */
export function PeerField({
  peers,
  value,
  onValueChange,
  error,
}: {
  peers: readonly Peer[] | undefined;
  value: string;
  onValueChange(node: string): void;
  error: string | undefined;
}) {
  const { t } = useTranslation('exchange');
  return (
    <SelectField
      label={t('form.peer')}
      required
      error={error}
      name="peer"
      value={value}
      onValueChange={onValueChange}
    >
      <option value="">{t('form.choosePeer')}</option>
      {(peers ?? []).map((p) => (
        <option key={p.id} value={p.node} disabled={p.status !== 'active'}>
          {p.agency} ({p.node}, {p.country}){p.status !== 'active' && ` — ${t('peerStatus.suspended')}`}
        </option>
      ))}
    </SelectField>
  );
}
