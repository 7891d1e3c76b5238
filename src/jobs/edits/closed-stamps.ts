import type { CellWrite } from '../../register/table';

/**
 * A person setting Status to Closed is recorded as who closed it (the editor's address, as
 * Apps Script gives it; "by hand" when it does not), with the time; moving a ticket out of
 * Closed clears both. Registers without the columns (set up by an older version) are left as they are.
 */
export function closedStamps(
  data: { readonly Status: string; readonly 'Closed by'?: string; readonly 'Closed at'?: Date | null },
  header: readonly string[],
  user: string,
  now: number,
): Omit<CellWrite, 'rowNumber'>[] {
  if (!header.includes('Closed by') || !header.includes('Closed at')) return [];
  const closedBy = data['Closed by'] ?? '';
  if (data.Status === 'Closed') {
    if (closedBy !== '') return [];
    return [
      { header: 'Closed by', value: user ? `${user} (by hand)` : '(by hand)' },
      { header: 'Closed at', value: new Date(now) },
    ];
  }
  return closedBy !== '' || data['Closed at']
    ? [
        { header: 'Closed by', value: '' },
        { header: 'Closed at', value: '' },
      ]
    : [];
}
