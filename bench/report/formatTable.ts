import type { BenchResults, SizeResult } from './BenchResults.js';
import type { Sample } from './stats.js';

const COLUMNS = [
  'hosts',
  'ferry first',
  'ferry second',
  'ferry --check --diff',
  'Ansible first',
  'Ansible second',
  'floor',
  'ferry/Ansible first',
  'ferry/Ansible second',
  'ferry/floor',
  'ferry peak RSS',
];

// The table the README quotes: medians in seconds, the ratios the targets are stated in, ferry's peak memory.
export function formatTable(results: BenchResults): string {
  const rows = results.sizes.map(rowOf);
  const lines = [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map((_, i) => (i === 0 ? '---:' : '---:')).join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function rowOf(s: SizeResult): string[] {
  return [
    String(s.hosts),
    seconds(s.ferry.first),
    seconds(s.ferry.second),
    seconds(s.ferry.check),
    seconds(s.ansible?.first),
    seconds(s.ansible?.second),
    seconds(s.floor),
    ratioText(s.ratios.ferryOverAnsibleFirst),
    ratioText(s.ratios.ferryOverAnsibleSecond),
    ratioText(s.ratios.ferryOverFloor),
    `${s.ferry.peakRssMiB} MiB`,
  ];
}

function seconds(sample: Sample | undefined): string {
  if (!sample) return '–';
  const n = sample.runs.length;
  return `${(sample.ms / 1000).toFixed(2)} s${n === 1 ? ' (1 run)' : ''}`;
}

function ratioText(r: number | null): string {
  return r === null ? '–' : r.toFixed(2);
}

/** The machine line printed above the table. */
export function machineLine(results: BenchResults): string {
  const m = results.machine;
  const tools = [`Node ${m.node}`, m.openssh, m.ansible].filter(Boolean).join(', ');
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; ${tools}`;
}
