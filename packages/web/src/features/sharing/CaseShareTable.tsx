import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/Badge.tsx';
import { DenseTable } from '../../ui/DenseTable.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { tlpTone } from '../cases/case-labels.ts';
import type { CaseShare } from './sharing-api.ts';
import { sharingApi } from './sharing-api.ts';

const stateTone: Record<CaseShare['state'], BadgeTone> = {
  active: 'ok',
  retracted: 'neutral',
  disposed: 'neutral',
};
const deliveryTone: Record<NonNullable<CaseShare['delivery']>['state'], BadgeTone> = {
  queued: 'neutral',
  sent: 'info',
  delivered: 'ok',
  failed: 'danger',
};

/** The case's shares, one row each: partner, direction, parts, state first, then markings and conditions. */
export function CaseShareTable({
  shares,
  mayRetract,
  onRetracted,
}: {
  shares: readonly CaseShare[];
  mayRetract: boolean;
  onRetracted(share: CaseShare): void;
}) {
  const { t } = useTranslation('sharing');
  const retractable = (share: CaseShare) => mayRetract && share.role === 'origin' && share.state === 'active';
  const withActions = shares.some(retractable);
  return (
    <DenseTable
      testId="case-shares"
      columns={[
        t('columns.partner'),
        t('columns.state'),
        t('columns.parts'),
        t('columns.markings'),
        t('columns.conditions'),
        t('columns.shared'),
        ...(withActions ? [t('columns.actions')] : []),
      ]}
    >
      {shares.map((share) => (
        <tr
          key={share.id}
          data-testid="case-share-row"
          data-peer={share.peer}
          data-role={share.role}
          data-state={share.state}
          data-delivery={share.delivery?.state}
        >
          <td>
            <strong>{share.peerAgency}</strong>{' '}
            <span className="muted">
              ({share.peer}, {share.peerCountry})
            </span>
            <div className="muted">{t(`role.${share.role}`)}</div>
          </td>
          <td>
            <StateCell share={share} />
          </td>
          <td>
            <span className="badge-row">
              <Badge>{t('scope.header')}</Badge>
              {share.scope.map((scope) => (
                <Badge key={scope}>{t(`scope.${scope}`, { defaultValue: scope })}</Badge>
              ))}
            </span>
          </td>
          <td>
            <ShareMarkingsRow share={share} />
          </td>
          <td>
            <ConditionsCell share={share} />
          </td>
          <td>
            <Time value={share.sharedAt} dual />
            {share.sharedBy && <div className="muted">{t('row.by', { name: share.sharedBy })}</div>}
            {share.retractedAt && (
              <div className="muted">
                {t('row.retracted')} <Time value={share.retractedAt} />
              </div>
            )}
          </td>
          {withActions && (
            <td className="sharing-actions">
              {retractable(share) && <RetractShare share={share} onRetracted={() => onRetracted(share)} />}
            </td>
          )}
        </tr>
      ))}
    </DenseTable>
  );
}

/** Active, retracted or disposed of; for ours, whether the partner has the share, or why it refused it. */
function StateCell({ share }: { share: CaseShare }) {
  const { t } = useTranslation('sharing');
  const delivery = share.delivery;
  return (
    <span className="badge-row" data-testid="case-share-state">
      <Badge tone={stateTone[share.state]}>{t(`state.${share.state}`)}</Badge>
      {delivery && <Badge tone={deliveryTone[delivery.state]}>{t(`delivery.${delivery.state}`)}</Badge>}
      {delivery?.error && (
        <span className={delivery.state === 'failed' ? 'sharing-failure' : 'muted'}>
          {delivery.state === 'failed' ? delivery.error : t('delivery.retrying', { reason: delivery.error })}
        </span>
      )}
    </span>
  );
}

/** Origin, handling code, TLP, legal basis and evaluation as one badge row, the purpose beneath it. */
function ShareMarkingsRow({ share }: { share: CaseShare }) {
  const { t } = useTranslation('sharing');
  const m = share.markings;
  return (
    <div data-testid="case-share-markings">
      <span className="badge-row">
        <Badge>{m.originAgency}</Badge>
        <Badge title={m.handlingNote ?? t(`ui:markings.handlingHelp.${m.handlingCode}`)}>
          {t('ui:markings.handling', { code: m.handlingCode })}
        </Badge>
        <Badge tone={tlpTone[m.tlp] ?? 'neutral'}>TLP:{m.tlp}</Badge>
        <Badge title={m.legalBasis.reference}>
          {t(`ui:markings.legalBases.${m.legalBasis.kind}`)}
          {m.legalBasis.reference && ` · ${m.legalBasis.reference}`}
        </Badge>
        <Badge
          title={`${t(`ui:markings.reliability.${m.sourceReliability}`)} / ${t(`ui:markings.accuracy.${m.informationAccuracy}`)}`}
        >
          {t('row.evaluation', { reliability: m.sourceReliability, accuracy: m.informationAccuracy })}
        </Badge>
      </span>
      <div className="muted sharing-purpose">{t('row.purpose', { purpose: m.purpose })}</div>
    </div>
  );
}

/** The receiving rules' obligations, the retention date and the kinds of data the share declared. */
function ConditionsCell({ share }: { share: CaseShare }) {
  const { t } = useTranslation('sharing');
  const obligations = share.obligations.filter((o) => o.kind !== 'retain_until');
  if (obligations.length === 0 && !share.retainUntil && share.categories.length === 0)
    return <span className="muted">{t('row.none')}</span>;
  return (
    <span className="badge-row">
      {share.retainUntil && <Badge tone="warn">{t('row.keepUntil', { date: share.retainUntil })}</Badge>}
      {obligations.map((o) => (
        <Badge key={o.kind} tone="warn">
          {t(`exchange:obligation.${o.kind}`, { defaultValue: o.kind })}
        </Badge>
      ))}
      {share.categories.map((category) => (
        <Badge key={category}>{t(`exchange:category.${category}`, { defaultValue: category })}</Badge>
      ))}
    </span>
  );
}

/** Retract after a confirm step that says what it does on the partner's side. */
function RetractShare({ share, onRetracted }: { share: CaseShare; onRetracted(): void }) {
  const { t } = useTranslation('sharing');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!confirming)
    return (
      <button
        type="button"
        className="link-button"
        name="retract-share"
        data-testid="case-share-retract"
        onClick={() => setConfirming(true)}
      >
        {t('retract.button')}
      </button>
    );
  const retract = async () => {
    setBusy(true);
    setError(null);
    try {
      await sharingApi.retract(share.caseId, share.peer);
      onRetracted();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <div className="sharing-confirm" role="alertdialog" aria-label={t('retract.confirmButton')}>
      <p>{t('retract.confirm', { agency: share.peerAgency })}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          data-testid="case-share-retract-confirm"
          disabled={busy}
          onClick={() => void retract()}
        >
          {busy ? t('retract.retracting') : t('retract.confirmButton')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
          {t('retract.keep')}
        </button>
      </div>
      <ProblemNotice error={error} />
    </div>
  );
}
