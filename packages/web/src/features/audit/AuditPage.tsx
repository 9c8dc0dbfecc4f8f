import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';
import { type AuditEntry, type AuditFilter, auditApi, auditPageSize } from './audit-api.ts';
import { VerifyChain } from './VerifyChain.tsx';

/** The audit log, newest first, with filters, "load older" paging and a chain check. */
export default function AuditPage() {
  const { t } = useTranslation('audit');
  const [filter, setFilter] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async (current: AuditFilter, beforeSeq?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await auditApi.list(current, beforeSeq);
      setEntries((previous) => (beforeSeq ? [...previous, ...page] : page));
      setMore(page.length === auditPageSize);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(filter);
  }, [filter, load]);

  const oldest = entries[entries.length - 1]?.seq;
  return (
    <div className="page">
      <PageHeader title={t('title')}>
        <VerifyChain />
      </PageHeader>
      <Panel title={t('filters')}>
        <AuditFilters onApply={setFilter} />
      </Panel>
      <Panel
        title={t('entries')}
        actions={<span className="count">{t('shown', { count: entries.length })}</span>}
      >
        <ProblemNotice error={error} />
        {!loading && !error && entries.length === 0 && <EmptyState />}
        {entries.length > 0 && <AuditTable entries={entries} />}
        {loading && <Loading />}
        <div className="form-actions">
          {more && !loading && (
            <button type="button" className="button" onClick={() => void load(filter, oldest)}>
              {t('loadOlder')}
            </button>
          )}
          {!more && !loading && entries.length > 0 && <p className="muted">{t('end')}</p>}
        </div>
      </Panel>
    </div>
  );
}
