import { expect } from 'chai';
import { restorePlan, type RestoreFacts } from '../../lib/cli/rollback/rollbackRestore.js';
import { FerryError } from '../../lib/errors/FerryError.js';
import type { FileChange } from '../../lib/report/types.js';

/** What a restore plan must say: nothing to do, one change (its summary), or a refusal (its message). */
export type Want = 'ok' | { change: string | RegExp } | { refused: RegExp };

/** One row: title, what the probe saw, the recorded change, --force, and the answer wanted. */
export type PlanRow = [string, RestoreFacts, FileChange, boolean, Want];

// One spec per row of a restore-plan table, so the file, directory and symlink tables read the same way.
export function itPlans(table: readonly PlanRow[]): void {
  for (const [title, facts, c, force, want] of table) {
    it(title, () => {
      const plan = () => restorePlan(facts, { change: c, force });
      if (want === 'ok') expect(plan().changes).to.deep.equal([]);
      else if ('refused' in want) expect(plan).to.throw(FerryError, want.refused);
      else if (typeof want.change === 'string') expect(plan().changes.map((x) => x.summary)).to.deep.equal([want.change]);
      else expect(plan().changes.map((x) => x.summary)).to.have.length(1).and.to.satisfy((l: string[]) => (want.change as RegExp).test(l[0]));
    });
  }
}
