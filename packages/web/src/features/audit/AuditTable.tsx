import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { Time } from '../../ui/Time.tsx';
import type { AuditEntry } from './audit-api.ts';
import './audit.css';

/** UUIDs are long: the first block identifies a record on screen; the full id is in the tooltip. */
function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

/**
 * Newest first; times in the viewer's zone plus KST and ICT. A record shows its own number where it has one
 * (a case's number, an operation's reference), else its type and the id's first block. Long cells (emails,
 * actions, purposes) wrap so the table fits a 1280 px screen beside the navigation.
 */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation('audit');
  return (
    <div className="table-wrap">
      <table className="table table-dense audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('columns.seq')}
            </th>
            <th scope="col">{t('columns.at')}</th>
            <th scope="col">{t('columns.actor')}</th>
            <th scope="col">{t('columns.action')}</th>
            <th scope="col">{t('columns.record')}</th>
            <th scope="col">{t('columns.purpose')}</th>
            <th scope="col">{t('columns.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td className="num">
                <span className="mono">{entry.seq}</span>
              </td>
              <td>
                <Time value={entry.at} dual />
              </td>
              <td className="audit-actor">
                {entry.actorAgency && <Badge tone="info">{entry.actorAgency}</Badge>}{' '}
                {entry.actorEmail ? <span className="mono">{entry.actorEmail}</span> : t('system')}
              </td>
              <td className="audit-break">
                <span className="mono">{entry.action}</span>
              </td>
              <td className="audit-break" data-testid="audit-record">
                <span className="mono">{entry.recordType}</span>
                {entry.recordId && (
                  <span className={entry.recordLabel ? 'mono' : 'mono muted'} title={entry.recordId}>
                    {' '}
                    {entry.recordLabel ?? shortId(entry.recordId)}
                  </span>
                )}
              </td>
              <td className="audit-break">{entry.purpose ?? ''}</td>
              <td className="nowrap">
                <span className="mono">{entry.ip ?? ''}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
