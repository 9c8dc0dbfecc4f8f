import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { briefingMessages, briefingNamespace, packLanguages } from './briefing-messages.ts';

// The app's catalogue is built from the features' top-level i18n.ts files; this component lives one folder
// deeper, so it adds its own namespace once, before its first render.
for (const language of Object.keys(briefingMessages) as (keyof typeof briefingMessages)[])
  if (!i18next.hasResourceBundle(language, briefingNamespace))
    i18next.addResourceBundle(language, briefingNamespace, briefingMessages[language]);

/**
 * The operation's briefing pack, one link per language (`GET /api/v1/operations/:id/briefing.pdf?lang=`); the
 * server decides who may have it, exactly as for reading the operation.
 */
export function BriefingDownload({ operationId }: { operationId: string }) {
  const { t, i18n } = useTranslation(briefingNamespace);
  // The viewer's language first: that is the pack they most likely want.
  const ordered = [...packLanguages].sort(
    (a, b) => Number(b.code === i18n.language) - Number(a.code === i18n.language),
  );
  return (
    <div className="briefing-download" data-testid="briefing-download">
      <strong>{t('title')}</strong>
      <div className="button-row">
        {ordered.map((l) => (
          <a
            key={l.code}
            className="button"
            href={`/api/v1/operations/${operationId}/briefing.pdf?lang=${l.code}`}
            target="_blank"
            rel="noreferrer"
            lang={l.code}
            aria-label={t('download', { language: l.name })}
            data-testid={`briefing-pdf-${l.code}`}
          >
            {l.name}
          </a>
        ))}
      </div>
      <p className="muted">{t('hint')}</p>
    </div>
  );
}
