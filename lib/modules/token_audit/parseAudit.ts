import type { AuditFacts, AuditTarget, CronReader, Finding } from './tokenAuditTypes.js';

/** A last eight as the host echoes it back. */
const LAST8 = /^[0-9a-f]{8}$/;

// Pure: the audit script's records back into facts; undefined when the output did not end with `done` (cut short).
export function parseAudit(host: string, target: AuditTarget, stdout: string): AuditFacts | undefined {
  const lines = stdout.split('\n');
  if (!lines.includes('done')) return undefined;
  const facts: AuditFacts = {
    host,
    mode: target.mode,
    last_eights: target.mode === 'last_eight' ? [...target.lastEights] : [],
    findings: [],
    readers: [],
    unreadable: [],
    searched: [],
    complete: true,
  };
  const seen = new Set<string>();
  for (const line of lines) {
    const [kind, ...f] = line.split('\t');
    if (kind === 'root' && f.length === 1) facts.searched.push(decode(f[0]));
    else if (kind === 'unreadable' && f.length === 1) facts.unreadable.push(decode(f[0]));
    else if (kind === 'found' && LAST8.test(f[0] ?? '')) facts.last_eights = [f[0]];
    else if (kind === 'hit' && f.length === 3 && LAST8.test(f[2])) addFinding(facts, seen, finding(host, decode(f[0]), Number(f[1]), f[2]));
    else if (kind === 'reader' && f.length === 4) addReader(facts, seen, reader(host, f));
  }
  facts.findings.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
  facts.complete = facts.unreadable.length === 0;
  return facts;
}

function finding(host: string, path: string, line: number, last8: string): Finding {
  return { host, path, line, last_eight: last8, where: `${host}:${path}:${line}` };
}

function reader(host: string, f: string[]): CronReader {
  const r: CronReader = { host, cron_file: decode(f[0]), line: Number(f[1]), reads: decode(f[3]) };
  if (f[2] !== '-') r.via = decode(f[2]);
  return r;
}

function addFinding(facts: AuditFacts, seen: Set<string>, f: Finding): void {
  const key = `hit ${f.path} ${f.line} ${f.last_eight}`;
  if (!Number.isInteger(f.line) || seen.has(key)) return;
  seen.add(key);
  facts.findings.push(f);
}

function addReader(facts: AuditFacts, seen: Set<string>, r: CronReader): void {
  const key = `reader ${r.cron_file} ${r.line} ${r.via ?? ''} ${r.reads}`;
  if (!Number.isInteger(r.line) || seen.has(key)) return;
  seen.add(key);
  facts.readers.push(r);
}

function decode(b64: string): string {
  return Buffer.from(b64, 'base64').toString('utf8');
}
