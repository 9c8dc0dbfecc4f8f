import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { Field } from '../../ui/Field.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { type ExchangeItem, exchangeApi } from './exchange-api.ts';
import { Deadline, ItemMarkingsRow, KindBadge, PriorityBadge, StateBadge } from './ItemBadges.tsx';
import { unreadCount } from './labels.ts';
import { useExchangeLive } from './live-context.ts';
import { usePeers } from './use-peers.ts';

type Box = 'in' | 'out';
/** How often the outbox looks again while something is still on its way (delivery has no live event). */
const pendingPollMs = 3_000;

/** Inbox and outbox, per partner node or all of them; new arrivals come in live. */
export function ExchangeListPage() {
  const { t } = useTranslation('exchange');
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const box: Box = params.get('box') === 'out' ? 'out' : 'in';
  const peer = params.get('peer') ?? '';
  const peers = usePeers();
  const live = useExchangeLive();
  const [items, setItems] = useState<ExchangeItem[]>([]);
  const [unread, setUnread] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      const [shown, inbox] = await Promise.all([
        exchangeApi.list({ direction: box, ...(peer && { peer }) }),
        box === 'in' ? null : exchangeApi.list({ direction: 'in', ...(peer && { peer }) }),
      ]);
      setItems(shown);
      setUnread(unreadCount(inbox ?? shown));
      setError(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }, [box, peer]);

  // Reload on a filter change and on every live event (arrival, receipt, overdue reminder).
  // biome-ignore lint/correctness/useExhaustiveDependencies: live.latest is the trigger, not an input
  useEffect(() => {
    void load();
  }, [load, live.latest]);

  const pending = items.some(
    (i) => i.direction === 'out' && ['queued', 'sent'].includes(i.deliveryState ?? ''),
  );
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void load(), pendingPollMs);
    return () => clearInterval(timer);
  }, [pending, load]);

  const choose = (patch: { box?: Box; peer?: string }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) value ? next.set(key, value) : next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div className="page">
      <PageHeader title={t('list.title')}>
        {can('exchange.send') && (
          <>
            <Link className="button" to="hit" data-testid="exchange-hit-link">
              {t('list.hitQuery')}
            </Link>
            <Link className="button button-primary" to="new" data-testid="exchange-new">
              {t('list.newRequest')}
            </Link>
          </>
        )}
      </PageHeader>
      <div className="exchange-tabs">
        <div role="tablist" aria-label={t('list.boxes')} className="exchange-tabs">
          {(['in', 'out'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`exchange-tab-${name}`}
              data-testid={`exchange-tab-${name}`}
              aria-selected={box === name}
              aria-controls="exchange-box"
              className={`button ${box === name ? 'button-primary' : 'button-quiet'}`}
              onClick={() => choose({ box: name })}
            >
              {name === 'in' ? t('list.inbox') : t('list.outbox')}
              {name === 'in' && unread > 0 && (
                <span className="badge badge-info" data-testid="exchange-unread">
                  {t('list.unread', { count: unread })}
                </span>
              )}
            </button>
          ))}
        </div>
        <Field label={t('list.partner')}>
          {(control) => (
            <select {...control} name="peer" value={peer} onChange={(e) => choose({ peer: e.target.value })}>
              <option value="">{t('list.allPartners')}</option>
              {(peers.data ?? []).map((p) => (
                <option key={p.id} value={p.node}>
                  {p.agency} ({p.node})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Panel
        title={box === 'in' ? t('list.inbox') : t('list.outbox')}
        actions={<span className="count">{t('list.shown', { count: items.length })}</span>}
      >
        <div role="tabpanel" id="exchange-box" aria-labelledby={`exchange-tab-${box}`} className="table-wrap">
          <ProblemNotice error={error} />
          {loading && <Loading />}
          {!loading && !error && items.length === 0 && <EmptyState>{t('list.empty')}</EmptyState>}
          {items.length > 0 && (
            <table className="table" data-testid={`exchange-list-${box}`}>
              <thead>
                <tr>
                  <th scope="col">{t('columns.state')}</th>
                  <th scope="col">{t('columns.kind')}</th>
                  <th scope="col">{t('columns.subject')}</th>
                  <th scope="col">{box === 'in' ? t('columns.from') : t('columns.to')}</th>
                  <th scope="col">{t('columns.deadline')}</th>
                  <th scope="col">{t('columns.markings')}</th>
                  <th scope="col">{box === 'in' ? t('columns.received') : t('columns.sent')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr
                    key={item.id}
                    data-testid="exchange-row"
                    data-item={item.id}
                    className={item.direction === 'in' && !item.readAt ? 'exchange-row-unread' : undefined}
                  >
                    <td>
                      <StateBadge item={item} />
                    </td>
                    <td>
                      <span className="badge-row">
                        <KindBadge kind={item.kind} />
                        <PriorityBadge priority={item.priority} />
                      </span>
                    </td>
                    <td>
                      <Link to={item.id}>{item.subject}</Link>
                      <div className="muted">{item.author}</div>
                    </td>
                    <td>
                      {item.peerAgency} <span className="muted">({item.peer})</span>
                    </td>
                    <td>
                      <Deadline item={item} />
                    </td>
                    <td>
                      <ItemMarkingsRow item={item} />
                    </td>
                    <td>
                      <Time value={item.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </Panel>
    </div>
  );
}
