import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { requiredText, text } from '../cells';

export const SettingsTab = defineTab({
  name: 'Settings',
  purpose: 'One setting per row. Change a Value; leave the Key as it is. The Explanation says what each one does.',
  key: 'Key',
  problems: true,
  schema: z.object({
    Key: requiredText('Key'),
    Value: text,
    Explanation: text,
    Problems: text,
  }),
  columns: {
    Key: { note: 'The setting’s name. Do not rename: the automation looks settings up by this text.', width: 200 },
    Value: {
      note: 'The setting’s value. Edit freely; it is checked on every run; a value that cannot be used is named in Problems and the Log, and its default applies.',
      width: 260,
    },
    Explanation: { note: 'What the setting does (written by Set up register).', owner: 'automation', width: 480 },
    Problems: { note: 'Filled by the automation when a Value cannot be used, with what is used instead.', owner: 'automation', width: 260 },
  },
});
