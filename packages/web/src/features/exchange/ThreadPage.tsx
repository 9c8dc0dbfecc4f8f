import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDraft } from '../../app/draft.ts';
import { useCan, useMe } from '../../app/session.tsx';
import { Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { type ExchangeItem, exchangeApi } from './exchange-api.ts';
import { useExchangeLive } from './live-context.ts';
import { MessageCard } from './MessageCard.tsx';
import { MessageForm } from './MessageForm.tsx';
import { type MessageDraft, replyDraft } from './message-draft.ts';

const pendingPollMs = 3_000;

/** A conversation with a partner node, oldest first; opening it marks what arrived as read (the sender is told). */
export function ThreadPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('exchange');
  const live = useExchangeLive();
  const [thread, setThread] = useState<ExchangeItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const marked = useRef(new Set<string>());

  const load = useCallback(async () => {
    try {
      const item = await exchangeApi.get(id);
      const items = await exchangeApi.list({ threadId: item.threadId });
      const unread = items.filter((i) => i.direction === 'in' && !i.readAt && !marked.current.has(i.id));
      // Opening the thread is reading it: recorded here, and the sender gets a read receipt.
      const read = new Map<string, ExchangeItem>();
      for (const item of unread) {
        marked.current.add(item.id);
        const updated = await exchangeApi.markRead(item.id).catch(() => null);
        if (updated) read.set(item.id, updated);
      }
      setThread(items.map((i) => read.get(i.id) ?? i).sort((x, y) => x.createdAt.localeCompare(y.createdAt)));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [id]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a live event in this exchange is the trigger
  useEffect(() => {
    void load();
  }, [load, live.latest]);

  const pending = thread?.some(
    (i) => i.direction === 'out' && ['queued', 'sent'].includes(i.deliveryState ?? ''),
  );
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void load(), pendingPollMs);
    return () => clearInterval(timer);
  }, [pending, load]);

  if (error && !thread)
    return (
      <div className="page">
        <ProblemNotice error={error} />
      </div>
    );
  if (!thread) return <Loading />;
  const first = thread[0];
  const answerable = [...thread].reverse().find((i) => i.direction === 'in');
  return (
    <div className="page">
      <PageHeader title={first?.subject ?? ''}>
        <Link className="button button-quiet" to="/exchange">
          {t('thread.back')}
        </Link>
      </PageHeader>
      <ProblemNotice error={error} />
      <ol className="exchange-thread" data-testid="exchange-thread" aria-label={t('thread.title')}>
        {thread.map((item) => (
          <li key={item.id}>
            <MessageCard item={item} onChanged={() => void load()} />
          </li>
        ))}
      </ol>
      {answerable && <ReplyPanel original={answerable} onSent={() => void load()} />}
    </div>
  );
}

function ReplyPanel({ original, onSent }: { original: ExchangeItem; onSent: () => void }) {
  const { t } = useTranslation('exchange');
  const me = useMe();
  const can = useCan();
  const [draft, update, clear] = useDraft<MessageDraft>(
    `exchange.reply.${original.id}`,
    replyDraft(original, me.language),
  );
  const [open, setOpen] = useState(draft.body !== '');
  if (!can('exchange.send')) return null;
  if (!open)
    return (
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          name="open-reply"
          onClick={() => setOpen(true)}
        >
          {t('thread.reply', { agency: original.peerAgency })}
        </button>
      </div>
    );
  return (
    <Panel title={t('thread.reply', { agency: original.peerAgency })}>
      <MessageForm
        draft={draft}
        update={update}
        inReplyTo={original.id}
        testId="reply-form"
        onSent={() => {
          clear();
          setOpen(false);
          onSent();
        }}
      />
    </Panel>
  );
}
