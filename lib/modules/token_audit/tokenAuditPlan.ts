import type { Plan } from '../defineModule.js';
import { UNREADABLE_SHOWN } from './auditDefaults.js';
import type { AuditFacts, CronReader } from './tokenAuditTypes.js';

// Pure: an audit changes nothing; its message lists every `host:path:line` and cron reader, and the facts are the
// registered result (for gitea_token's no_consumers_on). Only last eights are named, never a token.
export function tokenAuditPlan(facts: AuditFacts): Plan<never> {
  const which = facts.last_eights.length > 0 ? facts.last_eights.map((l) => `…${l}`).join(', ') : 'the token of that SHA-256';
  const lines: string[] = [];
  if (facts.findings.length === 0) {
    lines.push(`${which}: no copy under ${facts.searched.join(', ') || 'the searched paths (none exists)'}`);
  } else {
    lines.push(`${which} found in ${facts.findings.length} place${facts.findings.length === 1 ? '' : 's'}:`);
    for (const f of facts.findings) lines.push(`  ${f.where} (…${f.last_eight})`);
  }
  if (facts.readers.length > 0) {
    lines.push('read by cron:');
    for (const r of facts.readers) lines.push(`  ${readerText(r)}`);
  }
  if (!facts.complete) {
    const shown = facts.unreadable.slice(0, UNREADABLE_SHOWN).join(', ');
    lines.push(`incomplete: ${facts.unreadable.length} path(s) could not be read: ${shown}${facts.unreadable.length > UNREADABLE_SHOWN ? ', …' : ''} (run with become: true)`);
  }
  return { changes: [], msg: lines.join('\n'), result: { ...facts } };
}

/** `/etc/cron.d/x:4 via /opt/x.sh reads /etc/app.env`. */
export function readerText(r: CronReader): string {
  return `${r.cron_file}:${r.line}${r.via ? ` via ${r.via}` : ''} reads ${r.reads}`;
}
