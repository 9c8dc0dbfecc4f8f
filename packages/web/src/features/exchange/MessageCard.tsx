import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { type ExchangeItem, exchangeApi, type ItemLanguage } from './exchange-api.ts';
import { Deadline, ItemMarkingsRow, KindBadge, PriorityBadge, StateBadge } from './ItemBadges.tsx';

/** One message of a thread: state and markings first, then the text, its questions and translations. */
export function MessageCard({ item, onChanged }: { item: ExchangeItem; onChanged: () => void }) {
  const { t, i18n } = useTranslation('exchange');
  const can = useCan();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function acknowledge() {
    setBusy(true);
    setError(null);
    try {
      await exchangeApi.acknowledge(item.id);
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const translations = Object.entries(item.translations) as [
    ItemLanguage,
    { subject?: string; body?: string },
  ][];
  return (
    <article
      className="exchange-message"
      data-direction={item.direction}
      data-kind={item.kind}
      data-testid="exchange-message"
      aria-label={`${t(`kind.${item.kind}`, { defaultValue: item.kind })}: ${item.subject}`}
    >
      <div className="exchange-message-head">
        <StateBadge item={item} />
        <KindBadge kind={item.kind} />
        <PriorityBadge priority={item.priority} />
        <span>
          {item.direction === 'in'
            ? t('thread.from', { agency: item.peerAgency, author: item.author })
            : t('thread.to', { agency: item.peerAgency, author: item.author })}
        </span>
        <Time value={item.createdAt} dual />
        {item.kind === 'request' && (
          <span className="badge-row">
            <span className="muted">{t('columns.deadline')}:</span> <Deadline item={item} />
          </span>
        )}
      </div>
      <ItemMarkingsRow item={item} />
      {item.markings.purpose && (
        <p className="muted">{t('thread.purpose', { purpose: item.markings.purpose })}</p>
      )}
      <h2>{item.subject}</h2>
      {item.body && <p className="exchange-body">{item.body}</p>}
      {item.questions.length > 0 && (
        <section aria-label={t('form.questions')}>
          <h3>{t('form.questions')}</h3>
          <ol>
            {item.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ol>
        </section>
      )}
      {item.identifiers.length > 0 && (
        <p>
          <span className="muted">{t('form.identifiers')}: </span>
          {item.identifiers.map((i) => (
            <Badge key={`${i.kind}:${i.value}`}>
              {t(`identifierKind.${i.kind}`, { defaultValue: i.kind })} {i.value}
            </Badge>
          ))}
        </p>
      )}
      {item.hitReference && <p>{t('thread.citesHit', { reference: item.hitReference })}</p>}
      {translations.map(([language, text]) => (
        <details key={language} lang={language} open={language === i18n.language}>
          <summary>{t('thread.translation', { language: t(`language.${language}`) })}</summary>
          {text.subject && (
            <p>
              <strong>{text.subject}</strong>
            </p>
          )}
          {text.body && <p className="exchange-body">{text.body}</p>}
        </details>
      ))}
      {item.attachments.length > 0 && (
        <p className="muted">
          {t('thread.attachments')}: {item.attachments.map((a) => a.filename).join(', ')}
        </p>
      )}
      {item.obligations.length > 0 && (
        <p className="badge-row">
          <span className="muted">{t('thread.obligations')}:</span>
          {item.obligations.map((o) => (
            <Badge key={o.kind} tone="warn">
              {t(`obligation.${o.kind}`, { defaultValue: o.kind, until: String(o.until ?? '') })}
            </Badge>
          ))}
        </p>
      )}
      <ProblemNotice error={error} />
      {item.direction === 'out' && item.acknowledgedAt && (
        <p className="muted" data-testid="partner-acknowledged">
          {t('thread.partnerAcknowledgedAt', { agency: item.peerAgency })}{' '}
          <Time value={item.acknowledgedAt} dual />
        </p>
      )}
      {item.direction === 'in' && (
        <div className="form-actions">
          {item.acknowledgedAt ? (
            <span className="muted">
              {t('thread.acknowledgedAt')} <Time value={item.acknowledgedAt} />
            </span>
          ) : (
            can('exchange.send') && (
              <button
                type="button"
                className="button"
                name="acknowledge"
                disabled={busy}
                onClick={() => void acknowledge()}
              >
                {t('thread.acknowledge')}
              </button>
            )
          )}
        </div>
      )}
    </article>
  );
}
