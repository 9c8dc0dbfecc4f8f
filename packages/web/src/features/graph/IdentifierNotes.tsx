import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { identifierNotes } from './identifier-notes.ts';

function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The normaliser's assumptions about one identifier, each as a badge in the reader's language. */
export function IdentifierNotes({ identifier }: { identifier: { details?: Record<string, string> | null } }) {
  const { t, i18n } = useTranslation('graph');
  return identifierNotes(identifier).map((note) => (
    <Badge key={note.key} tone="warn">
      {note.key === 'countryAssumed' || note.key === 'countryGuessed'
        ? t(`identifierNotes.${note.key}`, { country: countryName(note.country, i18n.language) })
        : note.key === 'platformAssumed'
          ? t('identifierNotes.platformAssumed', { platform: note.platform })
          : t('identifierNotes.unverifiedDigits')}
    </Badge>
  ));
}
