import './public-report.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useResource } from '../../app/use-resource.ts';
import { Field } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { PublicLanguageSwitch } from './PublicLanguageSwitch.tsx';
import { publicReportApi } from './public-report-api.ts';

/** The reporter's private page: the secret travels in the URL fragment, which never reaches a server log. */
export default function ReportStatusPage() {
  const { reference = '' } = useParams();
  const { t, i18n } = useTranslation('public-report');
  const secret = window.location.hash.slice(1);
  const status = useResource(() => publicReportApi.status(reference, secret), [reference, secret]);
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (status.error) return <p role="alert">{t('notFound')}</p>;
  if (!status.data) return null;
  return (
    <main className="public-report" lang={i18n.language}>
      <PublicLanguageSwitch />
      <h1>{t('statusTitle')}</h1>
      <p>
        {t('reference')}: <strong>{status.data.reference}</strong> — {t(`status.${status.data.status}`)}
      </p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await publicReportApi.add(reference, secret, text);
            setDone(true);
            setText('');
          } catch (failure) {
            setError(failure);
          }
        }}
      >
        <ProblemNotice error={error} />
        <Field label={t('addMore')}>
          {(c) => <textarea {...c} rows={4} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <button type="submit" className="button button-primary">
          {t('add')}
        </button>
        {done && <p>{t('added')}</p>}
      </form>
    </main>
  );
}
