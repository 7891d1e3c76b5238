import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { requiredText, text, preprocess } from '../cells';

export const KnowledgeBaseTab = defineTab({
  name: 'Knowledge Base',
  purpose: 'Articles suggested in acknowledgements when a request’s words match their keywords.',
  schema: z.object({
    Title: requiredText('Title'),
    // Not z.url(): it needs the URL global, which Apps Script does not have.
    URL: preprocess(
      (v) => String(v ?? '').trim(),
      z.string().check(z.regex(/^https?:\/\/\S+$/, 'URL must start with http:// or https://')),
    ),
    Keywords: text,
  }),
  columns: {
    Title: { note: 'Article title as shown in the acknowledgement.', width: 260 },
    URL: { note: 'Link to the article.', format: 'text', width: 300 },
    Keywords: { note: 'Comma-separated words; an article is suggested when the request mentions them.', width: 260 },
  },
});
