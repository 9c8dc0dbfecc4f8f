import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { tlpTone } from './case-labels.ts';
import type { CaseView } from './cases-api.ts';

/** TLP and handling code as a badge row: colour repeats the text, which always says what it means. */
export function MarkingsBadges({
  markings,
  ownerAgency,
}: {
  markings: CaseView['markings'];
  ownerAgency?: string;
}) {
  const { t } = useTranslation('cases');
  const help = t(`markings.handlingHelp.${markings.handlingCode}`);
  return (
    <span className="badge-row" data-testid="case-markings">
      {ownerAgency && <Badge>{ownerAgency}</Badge>}
      <Badge tone={tlpTone[markings.tlp] ?? 'neutral'}>{t('markings.tlp', { level: markings.tlp })}</Badge>
      <Badge title={markings.handlingNote ? `${help}: ${markings.handlingNote}` : help}>
        {t('markings.handling', { code: markings.handlingCode })}
      </Badge>
    </span>
  );
}
