import { useTranslation } from 'react-i18next';

/** Opens and closes the navigation at phone width; hidden on wider screens, where the navigation is always shown. */
export function MenuButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation('shell');
  return (
    <button
      type="button"
      className="button button-quiet menu-button"
      aria-expanded={open}
      aria-controls="shell-nav shell-header-tools"
      data-testid="menu-toggle"
      onClick={onToggle}
    >
      <span className="menu-icon" aria-hidden="true">
        {open ? '✕' : '☰'}
      </span>
      {open ? t('menuClose') : t('menu')}
    </button>
  );
}
