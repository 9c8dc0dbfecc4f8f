import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { StatusPage } from '../../ui/StatusPage.tsx';
import { ComposePage } from './ComposePage.tsx';
import { ExchangeListPage } from './ExchangeListPage.tsx';
import { HitQueryPage } from './HitQueryPage.tsx';
import { LiveNotice } from './LiveNotice.tsx';
import { ExchangeLiveContext } from './live-context.ts';
import { ThreadPage } from './ThreadPage.tsx';
import { useExchangeEvents } from './use-exchange-events.ts';
import './exchange.css';

/** Everything under /exchange: inbox/outbox, a thread, a new request, hit/no-hit queries. */
export default function ExchangeSection() {
  const can = useCan();
  const live = useExchangeEvents();
  const send = (page: ReactNode) => (can('exchange.send') ? page : <StatusPage kind="forbidden" />);
  return (
    <ExchangeLiveContext.Provider value={live}>
      <LiveNotice />
      <Routes>
        <Route index element={<ExchangeListPage />} />
        <Route path="new" element={send(<ComposePage />)} />
        <Route path="hit" element={send(<HitQueryPage />)} />
        <Route path=":id" element={<ThreadPage />} />
        <Route path="*" element={<StatusPage kind="notFound" />} />
      </Routes>
    </ExchangeLiveContext.Provider>
  );
}
