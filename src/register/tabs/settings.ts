import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { requiredText, text } from '../cells';

export const SettingsTab = defineTab({
  name: 'Settings',
  purpose: 'One setting per row. Change a Value; leave the Key as it is. The Explanation says what each one does.',
  key: 'Key',
  schema: z.object({
    Key: requiredText('Key'),
    Value: text,
    Explanation: text,
  }),
  columns: {
    Key: { note: 'The setting’s name. Do not rename: the automation looks settings up by this text.', width: 200 },
    Value: { note: 'The setting’s value. Edit freely; it is checked on every run and problems go to the Log.', width: 260 },
    Explanation: { note: 'What the setting does (written by Set up register).', owner: 'automation', width: 480 },
  },
});
