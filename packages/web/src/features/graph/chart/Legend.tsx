import { useTranslation } from 'react-i18next';
import { entityTypeLabel, typeColours } from '../labels.ts';

/** What each node colour stands for (the entity type, before an analysis colours by community). */
export function Legend() {
  const { t, i18n } = useTranslation('graph');
  return (
    <ul className="chart-legend" aria-label={t('chart.legend')}>
      {Object.entries(typeColours).map(([type, colour]) => (
        <li key={type}>
          <svg width="10" height="10" aria-hidden="true">
            <circle cx="5" cy="5" r="5" fill={colour} />
          </svg>{' '}
          {entityTypeLabel(type, i18n.language)}
        </li>
      ))}
    </ul>
  );
}
