import { useEffect } from 'react';

/**
 * At phone width every `.table` shows each row as a card (tables.css), and a card needs each value's column
 * name beside it. The pages write ordinary `<th>`/`<td>` tables; this gives each body cell its column's heading
 * as `data-label`, which the stylesheet prints before the value. A cell spanning several columns (an "empty"
 * row, a detail row) gets no label.
 */
export function labelTableCells(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table.table')) {
    const headings = table.tHead?.rows[0];
    if (!headings) continue;
    const labels: string[] = [];
    for (const heading of headings.cells) {
      const text = heading.textContent?.trim() ?? '';
      for (let span = 0; span < heading.colSpan; span += 1) labels.push(text);
    }
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const label = cell.colSpan > 1 ? '' : (labels[column] ?? '');
          if (cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
          column += cell.colSpan;
        }
      }
    }
  }
}

/**
 * Keeps every table on the page labelled as rows arrive, languages change and pages change: one observer for
 * the whole app rather than a change in every page that draws a table. Setting an attribute is not a change
 * it watches, so labelling never wakes it again; the work is batched to one pass per frame.
 */
export function useTableCardLabels(): void {
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        labelTableCells(document);
      });
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    schedule();
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);
}
