import { createContext, useContext } from 'react';
import type { useExchangeEvents } from './use-exchange-events.ts';

/** One live stream for the whole exchange section, shared by its pages. */
export const ExchangeLiveContext = createContext<ReturnType<typeof useExchangeEvents> | null>(null);

export function useExchangeLive(): ReturnType<typeof useExchangeEvents> {
  const live = useContext(ExchangeLiveContext);
  if (!live) throw new Error('useExchangeLive outside ExchangeSection');
  return live;
}
