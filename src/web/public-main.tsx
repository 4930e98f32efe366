import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/public.css';
import { I18nProvider } from './i18n/i18n.tsx';
import { PublicApp } from './pages/public/PublicApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <PublicApp />
    </I18nProvider>
  </StrictMode>,
);
