import type { FugitiveFlag } from '@liaison/core/fugitives/flag-schemas';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { Time } from '../../ui/Time.tsx';
import { explanationLines } from './explain.ts';

/** A flag as an alert user reads it: who was seen where, which wanted person, and why (the explanation). */
export function FlagCard({ flag }: { flag: FugitiveFlag }) {
  const { t } = useTranslation('fugitive-flag');
  const { fugitive } = flag;
  return (
    <div className="fugitive-flag" data-testid="fugitive-flag" data-flag-id={flag.id}>
      <p>
        <Badge tone="danger">{t(`status.${flag.status}`)}</Badge>{' '}
        {fugitive.noticeType && (
          <Badge tone="danger">
            {fugitive.noticeType === 'red'
              ? t('notice.red')
              : t('notice.other', { type: fugitive.noticeType })}
          </Badge>
        )}{' '}
        <strong>{t('wanted')}:</strong> {fugitive.name} ({fugitive.reference})
        {fugitive.warrantNumber && <> · {t('warrant', { number: fugitive.warrantNumber })}</>}
      </p>
      <p>
        <strong>{t('seen')}:</strong> {flag.subject.label} · {t(`source.${flag.source}`)} · {t('raised')}{' '}
        <Time value={flag.raisedAt} />
      </p>
      <ul className="plain-list" data-testid="flag-explanation">
        {explanationLines(flag.explanation).map((line) => (
          <li key={line.key}>
            {t(line.key, { ...line.values, kind: t(`nameKind.${line.values.kind ?? 'primary'}`) })}
          </li>
        ))}
        <li className="muted">{t('score', { score: flag.explanation.score.toFixed(2) })}</li>
      </ul>
      {flag.decision && (
        <p className="muted">
          {t('decided', { status: t(`status.${flag.status}`), by: flag.decision.by ?? '—' })}
          {flag.decision.reason && <> · {t('decidedReason', { reason: flag.decision.reason })}</>}
        </p>
      )}
    </div>
  );
}
