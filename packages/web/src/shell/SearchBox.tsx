import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return (
    !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName))
  );
}

/** The one search box, focused from anywhere with "/". Search itself arrives with the cases feature. */
export function SearchBox() {
  const { t } = useTranslation('shell');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [focused, setFocused] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <search className="search-box">
      <label htmlFor={id} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        ref={input}
        id={id}
        type="search"
        name="q"
        placeholder={t('search.placeholder')}
        aria-describedby={`${id}-hint`}
        aria-keyshortcuts="/"
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
      <span className="search-key" aria-hidden="true">
        /
      </span>
      <p id={`${id}-hint`} className={focused ? 'search-hint' : 'visually-hidden'} role="status">
        {t('search.hint')}
      </p>
    </search>
  );
}
