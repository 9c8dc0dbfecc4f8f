import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { auditApi, type ChainVerification } from './audit-api.ts';

/** Re-reads the whole chain on the server and says whether it is intact, or where it breaks. */
export function VerifyChain() {
  const { t } = useTranslation('audit');
  const [result, setResult] = useState<ChainVerification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setResult(await auditApi.verify());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="verify-chain">
      <button type="button" className="button" onClick={() => void verify()} disabled={busy}>
        {busy ? t('verifying') : t('verify')}
      </button>
      <div role="status" data-testid="chain-status">
        {result?.intact && <Badge tone="ok">{t('intact', { checked: result.checked })}</Badge>}
        {result && !result.intact && result.firstBad && (
          <Badge tone="danger">
            {t('broken', { seq: result.firstBad.seq, reason: t(`reasons.${result.firstBad.reason}`) })}
          </Badge>
        )}
      </div>
      <ProblemNotice error={error} />
    </div>
  );
}
