import type { LogEntry } from '@liaison/core/operations/schemas';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/Panel.tsx';
import { Time } from '../../ui/Time.tsx';

/** The execution log, the latest entry first, each with its time (KST and ICT), author and agency. */
export function LogList({ entries }: { entries: readonly LogEntry[] }) {
  const { t } = useTranslation('operations');
  if (entries.length === 0) return <EmptyState />;
  return (
    <ol className="operation-log" data-testid="operation-log" reversed>
      {[...entries].reverse().map((entry) => (
        <li key={entry.id} className={`log-${entry.kind}`} data-kind={entry.kind}>
          <span className="log-kind">{t(`log.${entry.kind}`)}</span>
          <Time value={entry.at} dual />
          <span className="muted">{` ${entry.authorName} (${entry.authorAgency})`}</span>
          {entry.text && <div>{entry.text}</div>}
        </li>
      ))}
    </ol>
  );
}
