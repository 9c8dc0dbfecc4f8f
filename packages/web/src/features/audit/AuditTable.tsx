import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { Time } from '../../ui/Time.tsx';
import type { AuditEntry } from './audit-api.ts';

/** UUIDs are long: the first block identifies a record on screen; the full id is in the tooltip. */
function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

/** Newest first; times in the viewer's zone plus KST and ICT. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation('audit');
  return (
    <div className="table-wrap">
      <table className="table table-dense" data-testid="audit-table">
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
              <td className="num mono">{entry.seq}</td>
              <td>
                <Time value={entry.at} dual />
              </td>
              <td className="nowrap">
                {entry.actorAgency && <Badge tone="info">{entry.actorAgency}</Badge>}{' '}
                <span className="mono">{entry.actorEmail ?? t('system')}</span>
              </td>
              <td className="mono">{entry.action}</td>
              <td className="mono nowrap">
                {entry.recordType}
                {entry.recordId && (
                  <span className="muted" title={entry.recordId}>
                    {' '}
                    {shortId(entry.recordId)}
                  </span>
                )}
              </td>
              <td>{entry.purpose ?? ''}</td>
              <td className="mono nowrap">{entry.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
