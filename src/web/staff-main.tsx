import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import { I18nProvider } from './i18n/i18n.tsx';
import { StaffApp } from './pages/staff/StaffApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <StaffApp />
    </I18nProvider>
  </StrictMode>,
);
