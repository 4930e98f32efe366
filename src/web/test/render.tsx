import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider, type Lang } from '../i18n/i18n.tsx';

/** Renders a component as the app does: inside the language provider, in the given language. */
export function renderIn(lang: Lang, ui: ReactElement): RenderResult {
  window.localStorage.setItem('oversight.lang', lang);
  return render(<I18nProvider>{ui}</I18nProvider>);
}
