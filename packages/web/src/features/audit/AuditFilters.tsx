import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../../app/accounts-api.ts';
import { useCan, useMe } from '../../app/session.tsx';
import { localInputToIso, zoneLabel } from '../../app/time.ts';
import { useResource } from '../../app/use-resource.ts';
import { Field } from '../../ui/Field.tsx';
import type { AuditFilter } from './audit-api.ts';

const empty = { actorId: '', action: '', recordType: '', recordId: '', from: '', to: '' };
type FilterInput = typeof empty;

/** The filter form; `from` and `to` are read in the viewer's own time zone. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation('audit');
  const me = useMe();
  const can = useCan();
  const [input, setInput] = useState<FilterInput>(empty);
  const users = useResource(() => (can('users.read') ? accountsApi.users() : Promise.resolve([])), []);
  const set = (patch: Partial<FilterInput>) => setInput((current) => ({ ...current, ...patch }));

  function apply(event: FormEvent) {
    event.preventDefault();
    onApply({
      actorId: input.actorId || undefined,
      action: input.action.trim() || undefined,
      recordType: input.recordType.trim() || undefined,
      recordId: input.recordId.trim() || undefined,
      from: localInputToIso(input.from, me.timeZone),
      to: localInputToIso(input.to, me.timeZone),
    });
  }

  const zoneHint = t('zoneHint', { zone: zoneLabel(me.timeZone) });
  return (
    <form className="form filter-grid" onSubmit={apply} aria-label={t('filters')} data-testid="audit-filters">
      <Field label={t('actor')}>
        {(control) => (
          <select
            {...control}
            name="actorId"
            value={input.actorId}
            onChange={(e) => set({ actorId: e.target.value })}
          >
            <option value="">{t('anyActor')}</option>
            {users.data?.map((user) => (
              <option key={user.id} value={user.id}>
                {user.email} ({user.agencyCode})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('action')} hint={t('actionHint')}>
        {(control) => (
          <input
            {...control}
            name="action"
            value={input.action}
            onChange={(e) => set({ action: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('recordType')}>
        {(control) => (
          <input
            {...control}
            name="recordType"
            value={input.recordType}
            onChange={(e) => set({ recordType: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('recordId')}>
        {(control) => (
          <input
            {...control}
            name="recordId"
            value={input.recordId}
            onChange={(e) => set({ recordId: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('from')} hint={zoneHint}>
        {(control) => (
          <input
            {...control}
            name="from"
            type="datetime-local"
            value={input.from}
            onChange={(e) => set({ from: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('to')} hint={zoneHint}>
        {(control) => (
          <input
            {...control}
            name="to"
            type="datetime-local"
            value={input.to}
            onChange={(e) => set({ to: e.target.value })}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('apply')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            setInput(empty);
            onApply({});
          }}
        >
          {t('reset')}
        </button>
      </div>
    </form>
  );
}
