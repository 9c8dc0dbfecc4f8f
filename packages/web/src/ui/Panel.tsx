import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PanelProps {
  title: string;
  /** Shown at the right of the title: counts, buttons. */
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/** A titled block of a page: a list, a form, a summary. */
export function Panel({ title, actions, children, className }: PanelProps) {
  return (
    <section className={`panel ${className ?? ''}`} aria-label={title}>
      <header className="panel-header">
        <h2>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('ui');
  return <p className="empty">{children ?? t('state.empty')}</p>;
}

export function Loading() {
  const { t } = useTranslation('ui');
  return (
    <p className="loading" aria-live="polite">
      {t('state.loading')}
    </p>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {children && <div className="page-header-actions">{children}</div>}
    </div>
  );
}
