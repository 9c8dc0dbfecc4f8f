import type { StatsCell } from '@liaison/core/rescue/index';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { type EnumName, useEnumLabel } from '../../ui/enum-labels.ts';
import { Panel } from '../../ui/Panel.tsx';
import { rescueApi } from './rescue-api.ts';

/** Anonymised figures: the server suppresses cells under three before they leave it. */
export function RescueStats() {
  const { t } = useTranslation('rescue');
  const label = useEnumLabel();
  const can = useCan();
  const stats = useResource(() => (can('stats.read') ? rescueApi.stats() : Promise.resolve(undefined)), []);
  const s = stats.data;
  if (!s) return null;
  const hours = (ms: number | null) =>
    ms === null ? '—' : t('stats.hours', { value: Math.round(ms / 360_000) / 10 });
  // A month key (`2026-03`) is read as is; channels, provinces and outcomes are codes worded by the enum map.
  const cells = (title: string, list: StatsCell[], codes?: EnumName) => (
    <div>
      <h3>{title}</h3>
      <ul data-testid={`stats-${title}`}>
        {list.map((c) => (
          <li key={c.key}>
            {c.key === 'unknown' ? t('ui:enums.unknown') : codes ? label(codes, c.key) : c.key}: {c.count}
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <Panel title={t('stats.title')} actions={<span data-testid="stats-total">{s.total}</span>}>
      <p>
        {t('stats.toLocated')}: {hours(s.medians.toLocated.medianMs)} · {t('stats.toRescued')}:{' '}
        {hours(s.medians.toRescued.medianMs)} · {t('stats.toHome')}: {hours(s.medians.toHome.medianMs)}
      </p>
      <div className="grid-4">
        {cells(t('stats.byMonth'), s.byMonth)}
        {cells(t('stats.byChannel'), s.byChannel, 'reportChannel')}
        {cells(t('stats.byProvince'), s.byProvince, 'province')}
        {cells(t('stats.byOutcome'), s.byOutcome, 'rescueOutcome')}
      </div>
    </Panel>
  );
}
