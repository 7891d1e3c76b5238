import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { optionalNumber, preprocess, requiredText, text } from '../cells';
import { YES_NO } from '../../core/types/vocab';
import { ENTITLEMENT_KEYS } from '../../core/success/entitlements';

/** Yes / No / blank (blank: the row says nothing about it). */
const yesNoBlank = (what: string) =>
  preprocess(
    (v) => {
      if (v === '' || v === null || v === undefined) return null;
      if (typeof v === 'boolean') return v;
      const t = String(v).trim().toLowerCase();
      return t === 'yes' ? true : t === 'no' ? false : String(v);
    },
    z.nullable(z.boolean({ error: `${what} must be Yes, No or blank` })),
  );

const includes = Object.fromEntries(ENTITLEMENT_KEYS.map((k) => [k, yesNoBlank(k)])) as Record<
  (typeof ENTITLEMENT_KEYS)[number],
  ReturnType<typeof yesNoBlank>
>;

/** What each plan and edition includes (issue 17): read by the client success evaluation. */
export const EntitlementsTab = defineTab({
  name: 'Entitlements',
  purpose:
    'What each plan and edition includes: a CSM, reviews, incident and monthly reporting, and the least monthly hours a plan with a CSM needs. A client gets what its Plan row and its Edition row include together.',
  key: 'Applies to',
  problems: true,
  schema: z.object({
    'Applies to': requiredText('Applies to').check(
      z.refine(
        (t) => /^(plan|edition)\s+\S/i.test(t),
        'Applies to is "Plan <name>" or "Edition <name>" (e.g. Plan CSM, Edition Enterprise)',
      ),
    ),
    ...includes,
    'Min monthly hours': optionalNumber('Min monthly hours').check(
      z.refine((n) => n === null || n >= 0, 'Min monthly hours cannot be negative'),
    ),
    Source: text,
    Problems: text,
  }),
  columns: {
    'Applies to': { note: '"Plan <name>" (as in Clients → Plan) or "Edition <name>" (as in Clients → Edition).', width: 160 },
    CSM: { note: 'A Client Success Manager for the client.', vocab: YES_NO, width: 70 },
    QBR: { note: 'A Quarterly Business Review each quarter.', vocab: YES_NO, width: 70 },
    'Monthly review': { note: 'A monthly joint review of open requests and active projects with the CSM.', vocab: YES_NO, width: 110 },
    'Annual review': {
      note: 'An annual account review (1–4 h by contract size: Settings → Annual review hours).',
      vocab: YES_NO,
      width: 100,
    },
    'Incident reporting': { note: 'A draft incident report to the CSM when a Critical ticket is resolved.', vocab: YES_NO, width: 120 },
    'Monthly reporting': { note: 'A monthly statement draft for the client with the billing close.', vocab: YES_NO, width: 120 },
    'Min monthly hours': {
      note: 'The least Monthly hours a client on this plan may have when it includes a CSM; blank = Settings → CSM minimum monthly hours.',
      format: 'hours',
      width: 120,
    },
    Source: { note: 'Which service description this row comes from; blank for rows you add.', width: 360 },
    Problems: { note: 'Filled by the automation when the row cannot be used, with the reason.', owner: 'automation', width: 260 },
  },
});
