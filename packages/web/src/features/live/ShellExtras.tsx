import { useCan } from '../../app/session.tsx';
import { SearchRouting } from '../search/SearchRouting.tsx';
import { LiveIndicator } from './LiveIndicator.tsx';

/** What the graph features add to the shell's header: search-box routing, the live count and toasts. */
export function ShellExtras() {
  const can = useCan();
  if (!can('entities.read')) return null;
  return (
    <>
      <SearchRouting />
      <LiveIndicator />
    </>
  );
}
