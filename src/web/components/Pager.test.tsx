import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test/render.tsx';
import { Pager } from './Pager.tsx';

describe('Pager', () => {
  it('shows the first, the last and the neighbours of the current page, with gaps between', () => {
    renderIn('en', <Pager current={5} total={9} label="Pages" onPage={() => undefined} />);
    const pages = screen
      .getAllByRole('button')
      .map((b) => b.textContent)
      .filter((text) => /^\d+$/.test(text ?? ''));
    expect(pages).toEqual(['1', '4', '5', '6', '9']);
  });

  it('says previous and next in the interface language and asks for the page chosen', () => {
    const onPage = vi.fn();
    renderIn('es', <Pager current={2} total={3} label="Páginas" onPage={onPage} />);
    expect(document.documentElement.lang).toBe('es');
    fireEvent.click(screen.getByRole('button', { name: /siguiente/i }));
    expect(onPage).toHaveBeenCalledWith(3);
  });
});
