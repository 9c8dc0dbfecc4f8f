import type { ReactNode } from 'react';

/**
 * A dense table: its column headings, and its rows (`<tr>`s) as children. Wide tables scroll sideways on their
 * own; at phone width each row is a card with every value beside its column's name (tables.css, labelled by
 * table-card-labels.ts, like every `.table`).
 */
export function DenseTable({
  testId,
  columns,
  children,
}: {
  testId: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="table table-dense" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
