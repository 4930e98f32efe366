import type { ReactNode } from 'react';

/** A titled part of a page: a `<section>` labelled by its `<h2>` (`id` is the heading's). */
export function PageSection({
  id,
  title,
  testId,
  children,
}: {
  id: string;
  title: ReactNode;
  /** A `data-testid` on the section. */
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section className="ovs-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
