import type { FugitiveSummary } from '@liaison/core/fugitives/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../app/use-resource.ts';
import { Checkbox, TextField } from '../../ui/fields.tsx';
import { EmptyState, Loading } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { removalsApi } from './removals-api.ts';

/** The fugitive's names as a manifest reads them: the passport's Latin spelling, then another script. */
export function fugitiveLabel(f: Pick<FugitiveSummary, 'names' | 'reference'>): string {
  const real = f.names.filter((n) => n.kind !== 'alias');
  const latin =
    real.find((n) => n.kind === 'passport' && n.script === 'latin') ?? real.find((n) => n.script === 'latin');
  const other = real.find((n) => n !== latin);
  return [latin?.value ?? real[0]?.value ?? f.reference, ...(other && latin ? [other.value] : [])].join(
    ' · ',
  );
}

/** Fugitives of the register to tick (bulk: a charter's list), searched by name, reference or passport. */
export function FugitivePicker({
  selected,
  onChange,
  exclude = [],
}: {
  selected: string[];
  onChange(ids: string[]): void;
  exclude?: readonly (string | null)[];
}) {
  const { t } = useTranslation('removals');
  const [q, setQ] = useState('');
  const fugitives = useResource(() => removalsApi.fugitives(q), [q]);
  const items = (fugitives.data?.items ?? []).filter((f) => !exclude.includes(f.id) && f.status !== 'closed');
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...new Set([...selected, id])] : selected.filter((x) => x !== id));
  return (
    <div>
      <TextField label={t('create.search')} name="q" value={q} onValueChange={setQ} />
      <ProblemNotice error={fugitives.error} />
      {!fugitives.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState>{t('create.none')}</EmptyState>
      ) : (
        <ul className="plain-list" data-testid="removal-pick">
          {items.map((f) => (
            <li key={f.id}>
              <Checkbox
                name={`fugitive-${f.id}`}
                checked={selected.includes(f.id)}
                onCheckedChange={(on) => toggle(f.id, on)}
              >
                {fugitiveLabel(f)} <span className="muted">({f.reference})</span>
              </Checkbox>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
