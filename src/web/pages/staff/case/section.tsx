import type { ReactNode } from 'react';
import { Table } from '@trussworks/react-uswds';
import type { CaseAbility } from '../../../../shared/schemas/cases.ts';
import type { Case } from '../../../api/client.ts';
import { ActionForm } from '../../../components/ActionForm.tsx';
import type { FieldErrors } from '../../../components/problems.tsx';

/**
 * What every section of the case page is given. `can` asks the case's `abilities` only: the page
 * never re-derives who may do what.
 */
export type CaseCtx = { c: Case; reload: () => Promise<void>; can: (a: CaseAbility) => boolean };

/** A section's context for a loaded case. */
export function caseCtx(c: Case, reload: () => Promise<void>): CaseCtx {
  return { c, reload, can: (a) => c.abilities.actions.includes(a) };
}

/** One section of the case page, labelled by its heading. */
export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="ovs-section" aria-labelledby={`sec-${id}`} data-testid={`section-${id}`}>
      <h2 id={`sec-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

/** A section's striped table, its caption for screen readers, one column heading each. */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <div className="ovs-table-wrap">
      <Table fullWidth striped>
        <caption className="usa-sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((col) => (
              <th scope="col" key={col}>
                {col}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </Table>
    </div>
  );
}

/**
 * An action form on the case: on success it clears what `reset` clears and reloads the case; a
 * 409 offers to reload it. The submit button says `submitLabel`, or the title when not given.
 */
export function CaseForm({
  reload,
  id,
  title,
  submitLabel = title,
  onSubmit,
  reset,
  children,
}: {
  reload: () => Promise<void>;
  id: string;
  title: string;
  submitLabel?: string;
  onSubmit: () => Promise<unknown>;
  reset?: () => void;
  children: (errors: FieldErrors) => ReactNode;
}) {
  return (
    <ActionForm
      id={id}
      title={title}
      submitLabel={submitLabel}
      onReload={() => void reload()}
      onSubmit={onSubmit}
      onDone={async () => {
        reset?.();
        await reload();
      }}
    >
      {children}
    </ActionForm>
  );
}
