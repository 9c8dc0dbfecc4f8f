import { useCallback, useState } from 'react';

/**
 * One form's submission: `busy` while it runs, its failure kept as `error` (field messages go next to their
 * fields, the rest in a ProblemNotice) so the input stays for another try.
 */
export function useSubmission() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, busy, submit };
}
