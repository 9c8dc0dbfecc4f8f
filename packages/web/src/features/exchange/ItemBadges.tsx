import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { Time } from '../../ui/Time.tsx';
import type { ExchangeItem } from './exchange-api.ts';
import { itemState, kindTone, priorityTone, tlpTone } from './labels.ts';

/** Delivery or read state; a failed delivery says why in the same place. */
export function StateBadge({ item }: { item: ExchangeItem }) {
  const { t } = useTranslation('exchange');
  const state = itemState(item);
  return (
    <span className="badge-row" data-testid="item-state" data-state={state.key}>
      <Badge tone={state.tone}>{t(state.key)}</Badge>
      {item.direction === 'out' && item.deliveryState === 'failed' && item.deliveryError && (
        <span className="exchange-failure">
          {t('delivery.failedBecause', { reason: item.deliveryError })}
        </span>
      )}
    </span>
  );
}

export function KindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation('exchange');
  return <Badge tone={kindTone[kind] ?? 'neutral'}>{t(`kind.${kind}`, { defaultValue: kind })}</Badge>;
}

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation('exchange');
  return (
    <Badge tone={priorityTone[priority] ?? 'neutral'}>
      {t(`priority.${priority}`, { defaultValue: priority })}
    </Badge>
  );
}

/** The deadline in the viewer's zone plus KST/ICT, and "overdue" in words when it has passed unanswered. */
export function Deadline({ item }: { item: ExchangeItem }) {
  const { t } = useTranslation('exchange');
  if (!item.deadline)
    return item.kind === 'request' ? (
      <span className="muted">{t('deadline.none')}</span>
    ) : (
      <span aria-hidden="true">—</span>
    );
  return (
    <span className="badge-row">
      <Time value={item.deadline} dual />
      {item.overdue && <Badge tone="danger">{t('deadline.overdue')}</Badge>}
    </span>
  );
}

/** Originating agency, handling code, TLP and legal basis: where it came from and who may see it. */
export function ItemMarkingsRow({ item }: { item: ExchangeItem }) {
  const { t } = useTranslation('exchange');
  const m = item.markings;
  const origin = m.originAgency ?? item.authorAgency;
  return (
    <span className="badge-row" data-testid="item-markings">
      <Badge title={t('markings.originTitle')}>{t('markings.origin', { agency: origin })}</Badge>
      {m.handlingCode && (
        <Badge title={m.handlingNote ?? t(`ui:markings.handlingHelp.${m.handlingCode}`)}>
          {t('ui:markings.handling', { code: m.handlingCode })}
        </Badge>
      )}
      {m.tlp && <Badge tone={tlpTone[m.tlp] ?? 'neutral'}>TLP:{m.tlp}</Badge>}
      {m.legalBasis && (
        <Badge title={m.legalBasis.reference}>
          {t(`ui:markings.legalBases.${m.legalBasis.kind}`)}
          {m.legalBasis.reference && ` · ${m.legalBasis.reference}`}
        </Badge>
      )}
    </span>
  );
}
