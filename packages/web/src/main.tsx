import '@fontsource-variable/noto-sans-kr';
import '@fontsource-variable/noto-sans-khmer';
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/shell.css';
import './ui/styles/components.css';
import './ui/styles/forms.css';
import './ui/styles/tables.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { initI18n } from './app/i18n.ts';
import { SessionProvider } from './app/session.tsx';
import { applyTheme, initialTheme } from './app/theme.ts';

applyTheme(initialTheme());

initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SessionProvider>
        <App />
      </SessionProvider>
    </StrictMode>,
  );
});
