import type { FugitiveFlags } from '@liaison/core/fugitives/schemas';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { flagBadges } from './labels.ts';

/** Expired or expiring warrant and a stalled step, worst first; words always, colour as a repeat. */
export function FlagBadges({ flags }: { flags: FugitiveFlags | null }) {
  const { t } = useTranslation('fugitives');
  const badges = flagBadges(flags);
  if (badges.length === 0) return <span className="muted">{t('flag.none')}</span>;
  return (
    <span className="badge-row" data-testid="fugitive-flags">
      {badges.map((b) => (
        <Badge key={b.kind} tone={b.tone}>
          {b.kind === 'stalled'
            ? t('flag.stalled', { days: b.days, limit: b.limit })
            : t(`flag.${b.kind}`, { days: b.days })}
        </Badge>
      ))}
    </span>
  );
}
