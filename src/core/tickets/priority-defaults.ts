/**
 * The priority rules a new register starts with: the Ascent360 Support Response Time Matrix
 * and ADvendio's Incident Category Definitions, each line naming the seed and the definition
 * it encodes (scope of impact, availability, workaround, time sensitivity, request type).
 * Where the two seeds agree they share a level; where their criteria differ only by how many
 * users are affected, the scope decides through an "At most" line.
 */
export const DEFAULT_PRIORITY_RULES = [
  'Level 1 (Ascent360 Critical — global production outage for all or many clients, service unavailable, no workaround, immediate response requested): ' +
    'server is down, servers are down, server down, system is down, system down, platform is down, service is unavailable, service unavailable, ' +
    'service is down, production is down, production down, global outage, outage for all, down for all users, down for everyone, all clients, ' +
    'all users, all customers, every client, everyone is affected, nobody can log in, no one can log in, immediate response, immediate restoration',
  'Level 1 (ADvendio Level 1 Critical — system unavailable, data integrity, data unusable, corrupt or no longer available, software errors prevent the functionality, major discrepancies): ' +
    'system unavailable, system is unavailable, data integrity, data is unusable, data are unusable, data unusable, data is corrupt, data are corrupt, ' +
    'data is corrupted, data corruption, corrupted data, data is no longer available, data no longer available, data loss, data lost, ' +
    'prevents the functionality, prevent the functionality, major discrepancies, major discrepancy, analyses cannot be used',
  'Level 2 (Ascent360 High — one client’s production outage or latency disrupting its campaigns, a product issue or technical defect, quick response requested): ' +
    'not accessible, inaccessible, cannot access, cant access, unable to access, not receiving data, not receiving, stopped receiving, ' +
    'no data coming, not syncing, not loading, wont load, does not load, latency, slow, very slow, outage, is down, are down, not working, ' +
    'stopped working, doesnt work, does not work, broken, error, errors, fails, failing, failed, crash, crashes, defect, bug, exception, quick response',
  'Level 2 (ADvendio Level 2 Urgent — major functionality impacted or significant performance degradation, many users, no reasonable workaround): ' +
    'major functionality, performance degradation, many users, most users, no reasonable workaround, no workaround, some discrepancies, ' +
    'increase in unusable, increase in corrupt',
  'Level 3 (Ascent360 Medium — not a production issue but time-sensitive, e.g. an update for an upcoming send): ' +
    'time sensitive, urgent, urgently, asap, as soon as possible, deadline, by tomorrow, by today, by end of day, upcoming send, ' +
    'upcoming email, upcoming campaign, before the send, scheduled send',
  'Level 3 (ADvendio Level 3 High — a bug affecting some but not all users, short-term workaround that does not scale): ' +
    'some but not all users, some users, short term workaround, temporary workaround',
  'Level 4 (Ascent360 Low — all other requests: reporting, campaign creation, training, how-to, not time-sensitive): ' +
    'reporting request, report request, campaign creation, create a campaign, new campaign, training, how to, how do i, how can i',
  'Level 4 (ADvendio Level 4 Medium — a routine technical issue, information on capabilities, navigation, installation or configuration): ' +
    'routine, capabilities, navigation, installation, configuration, is it possible',
  'At most Level 3 (Ascent360 Medium and Low — non-production issues): no production impact, no impact on production, non production, ' +
    'not in production, does not affect production, test environment, sandbox, staging',
  'At most Level 3 (ADvendio Level 3 — affects some but not all users, short-term workaround): some but not all users, some users, ' +
    'short term workaround, temporary workaround',
  'At most Level 4 (ADvendio Level 4 — a small number of users, a reasonable workaround, marginal errors, minor discrepancies, or Ascent360 Low — not time-sensitive): ' +
    'small number of users, a few users, one user, reasonable workaround, workaround available, there is a workaround, marginal error, ' +
    'marginal errors, minor discrepancies, minor discrepancy, does not hinder, do not hinder, not time sensitive, not urgent, no rush, no hurry, ' +
    'when you have time, low priority',
].join('\n');

/** The four levels as the seeds define them, for the Priority column's note. */
export const PRIORITY_DEFINITIONS = [
  'Level 1 Critical: a global production outage for all or many clients; the service is unavailable with no workaround; data unusable or corrupt (Ascent360 Critical, ADvendio Level 1).',
  'Level 2 High: one client’s production outage or latency, a product issue or technical defect; major functionality impacted for many users (Ascent360 High, ADvendio Level 2 Urgent).',
  'Level 3 Medium: a non-production issue or time-sensitive request; a bug affecting some users with a short-term workaround (Ascent360 Medium, ADvendio Level 3 High).',
  'Level 4 Low: all other requests — reporting, campaign creation, training, how-to, routine questions (Ascent360 Low, ADvendio Level 4 Medium).',
].join('\n');
