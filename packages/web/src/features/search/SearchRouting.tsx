import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/**
 * Sends the shell's search box (input name="q" in the header) to the search results page on Enter. The box
 * itself belongs to the shell; this listens at the document so the shell needs no knowledge of search.
 */
export function SearchRouting() {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLInputElement | null;
      if (event.key !== 'Enter' || event.isComposing || !target?.matches?.('.search-box input[name=q]'))
        return;
      const q = target.value.trim();
      if (!q) return;
      event.preventDefault();
      navigate(`/graph/search?q=${encodeURIComponent(q)}`);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);
  return null;
}
