import { expect } from 'chai';
import { exitCodeOf } from '../../lib/report/exitCodeOf.js';
import { EXIT } from '../../lib/report/exitCodes.js';
import { emptyRecap } from '../../lib/report/recapOf.js';
import type { HostReport, Recap } from '../../lib/report/types.js';

/** A host entry with the given counts and no tasks. */
function host(counts: Partial<Recap>): HostReport {
  return { ...emptyRecap(), ...counts, tasks: [] };
}

describe('exitCodeOf', () => {
  const table: Array<[string, Record<string, HostReport>, number]> = [
    ['no hosts', {}, EXIT.OK],
    ['all ok and changed', { a: host({ ok: 2, changed: 1 }), b: host({ ok: 1 }) }, EXIT.OK],
    ['skipped, pending and ignored only', { a: host({ skipped: 1, pending: 2, ignored: 1 }) }, EXIT.OK],
    ['one host failed', { a: host({ ok: 1 }), b: host({ failed: 1 }) }, EXIT.FAILED],
    ['one host unreachable', { a: host({ ok: 1 }), b: host({ unreachable: 1 }) }, EXIT.UNREACHABLE],
    ['unreachable wins over failed (other hosts)', { a: host({ failed: 3 }), b: host({ unreachable: 1 }) }, EXIT.UNREACHABLE],
    ['unreachable wins over failed (same host)', { a: host({ failed: 1, unreachable: 1 }) }, EXIT.UNREACHABLE],
  ];
  for (const [label, hosts, expected] of table) {
    it(`${label} → ${expected}`, () => {
      expect(exitCodeOf({ hosts })).to.equal(expected);
    });
  }

  it('uses ansible-playbook’s numbers', () => {
    expect([EXIT.OK, EXIT.FAILED, EXIT.UNREACHABLE]).to.deep.equal([0, 2, 4]);
  });
});
