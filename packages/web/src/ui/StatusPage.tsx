import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown instead of a page the user's roles do not reach, or an unknown address. */
export function StatusPage({ kind }: { kind: 'forbidden' | 'notFound' }) {
  const { t } = useTranslation('ui');
  return (
    <div className="status-page">
      <h1>{t(`page.${kind}Title`)}</h1>
      <p>{t(`page.${kind}`)}</p>
      <Link to="/">{t('page.home')}</Link>
    </div>
  );
}
