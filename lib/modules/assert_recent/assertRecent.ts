import { FerryError } from '../../errors/FerryError.js';
import { defineModule } from '../defineModule.js';
import { assertRecentPlan } from './assertRecentPlan.js';
import type { AssertRecentArgs, RecentFacts } from './assertRecentTypes.js';
import { DURATION_SCHEMA } from './parseDuration.js';
import { probeRecent } from './probeRecent.js';

// A cron job that fails without a sound is found by the age of its last success: one check instead of three days.
export const assertRecent = defineModule<AssertRecentArgs, RecentFacts, never>({
  name: 'assert_recent',
  summary: "Check that a log's last success line (or a file's mtime) is younger than a given age",
  args: {
    description:
      'With pattern: the last line of path matching it (grep -E) must carry an ISO 8601 timestamp younger than max_age ' +
      '(a timestamp without a zone is in the host\'s local time). Without pattern: the file\'s mtime must be. Ages are ' +
      'measured by the host\'s own clock; the matching line never leaves the host, only its number and timestamp.',
    type: 'object',
    additionalProperties: false,
    required: ['path', 'max_age'],
    properties: {
      path: { type: 'string', minLength: 1, description: 'The log (or any file) on the host.' },
      pattern: { type: 'string', minLength: 1, description: 'Extended regular expression (grep -E) of a success line, e.g. "rc=0,.* 0 failed".' },
      max_age: { ...DURATION_SCHEMA, description: 'Oldest age allowed: 90s, 30m, 24h, 7d, 1h30m.' },
    },
  },
  readOnly: true,
  prints: true,
  example: `- name: The deploy poller succeeded within the hour
  assert_recent:
    path: /var/log/molecule-deploy-poll.log
    pattern: "rc=0, .* 0 failed"
    max_age: 1h
  become: true`,

  probe: probeRecent,

  plan: assertRecentPlan,

  async apply() {
    // The plan never has changes: a stale file is thrown by the plan itself.
    throw new FerryError('INTERNAL', 'assert_recent has nothing to apply');
  },
});
