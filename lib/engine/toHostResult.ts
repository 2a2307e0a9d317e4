import { renderDiff } from '../report/renderDiff.js';
import type { HostTaskResult } from '../report/types.js';
import type { Redactor } from '../secrets/Redactor.js';
import type { ItemOutcome } from './runItem.js';

export const NO_LOG_MSG = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

// Turns an outcome into what reporters see: masked by value, and with no_log nothing but the status.
export function toHostResult(host: string, outcome: ItemOutcome, opts: { redactor: Redactor; noLog: boolean; item?: string }): HostTaskResult {
  const { redactor, noLog } = opts;
  const result: HostTaskResult = { host, status: outcome.status };
  if (opts.item !== undefined) result.item = noLog ? '(censored due to no_log)' : redactor.mask(opts.item);
  // Paths and checksums only, never content: kept under no_log too, or a rollback could not find what to put back.
  if (outcome.files?.length) result.files = redactor.maskDeep(outcome.files);
  if (noLog) {
    if (outcome.status === 'failed' || outcome.msg) result.msg = NO_LOG_MSG;
    return result;
  }
  if (outcome.msg) result.msg = redactor.mask(outcome.msg);
  const changes = outcome.plan?.changes ?? [];
  if (changes.length && outcome.status !== 'ok') {
    result.changes = changes.map((c) => redactor.mask(c.summary));
    const diffs = changes.filter((c) => c.diff).map((c) => renderDiff(c.diff!));
    if (diffs.length) result.diff = redactor.mask(diffs.join('\n'));
  }
  return result;
}
