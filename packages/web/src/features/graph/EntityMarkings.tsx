import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/Badge.tsx';

const tlpTone: Record<string, BadgeTone> = {
  RED: 'danger',
  'AMBER+STRICT': 'warn',
  AMBER: 'warn',
  GREEN: 'ok',
  CLEAR: 'neutral',
};

/** Owner, TLP and handling code of a graph record, as text badges (colour only repeats the words). */
export function EntityMarkings({
  ownerAgency,
  tlp,
  handlingCode,
}: {
  ownerAgency: string;
  tlp: string;
  handlingCode: string;
}) {
  const { t } = useTranslation('graph');
  return (
    <span className="badge-row" data-testid="entity-markings">
      <Badge tone="info">{t('markings.owner', { agency: ownerAgency })}</Badge>
      <Badge tone={tlpTone[tlp] ?? 'neutral'}>{t('markings.tlp', { level: tlp })}</Badge>
      <Badge title={t(`cases:markings.handlingHelp.${handlingCode}`, { defaultValue: handlingCode })}>
        {t('markings.handling', { code: handlingCode })}
      </Badge>
    </span>
  );
}
