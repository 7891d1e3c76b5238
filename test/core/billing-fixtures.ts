import type { ClassifiedEntry, ClientContract } from '../../src/core/billing';
import type { IsoDay } from '../../src/core/hours';

export const contract = (over: Partial<ClientContract> = {}): ClientContract => ({
  clientId: 'ACME',
  name: 'Acme Outfitters',
  status: 'Active',
  edition: 'Enterprise',
  monthlyHours: 6,
  rateMicros: null,
  start: null,
  end: null,
  ...over,
});

let row = 1;
export const line = (over: Partial<ClassifiedEntry> = {}): ClassifiedEntry => ({
  rowNumber: ++row,
  day: '2026-10-05' as IsoDay,
  clientId: 'ACME',
  person: 'dana@helpdesk.test',
  ticketId: '',
  activity: 'Status update',
  minutes: 60,
  required: true,
  counted: true,
  reason: 'Status update counts toward the contract',
  ...over,
});
