import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { email, requiredText, text, yesNo } from '../cells';

export const ContactsTab = defineTab({
  name: 'Contacts',
  purpose: 'People at each client. Only contacts with "Can open tickets" = Yes (authorized representatives) open tickets by mail.',
  key: 'Email',
  problems: true,
  needs: { billing: ['Email', 'Client ID', 'Role'] },
  schema: z.object({
    Email: email('Email'),
    Name: text,
    'Client ID': requiredText('Client ID'),
    Role: text,
    Phone: text,
    'Can open tickets': yesNo(true),
    Problems: text,
  }),
  columns: {
    Email: { note: 'The contact’s whole mail address; matched case-insensitively.', outside: true, width: 220 },
    Name: { note: 'Used in acknowledgements.', outside: true, width: 160 },
    'Client ID': { note: 'The client this person belongs to (Clients tab).', pick: { tab: 'Clients', header: 'Client ID' }, width: 90 },
    Role: { note: 'E.g. Authorized representative, Executive sponsor, Billing.', width: 170 },
    Phone: { note: 'Kept as text, exactly as typed.', format: 'text', outside: true, width: 130 },
    'Can open tickets': {
      note: 'Yes = mail from this address opens tickets; No = their mail is logged but opens nothing.',
      vocab: ['Yes', 'No'],
      width: 120,
    },
    Problems: { note: 'Filled by the automation when the row cannot be used, with the reason.', owner: 'automation', width: 260 },
  },
});
