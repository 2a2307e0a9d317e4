import path from 'node:path';
import { ATTRIBUTE_CHECKS, ATTRIBUTE_PROPERTIES } from './attributeArgs.js';
import { changeFile } from './changes/changeFile.js';
import { copyPlan, type CopyArgs, type CopyData, type CopyFacts } from './copyPlan.js';
import { readSource } from './copySource.js';
import { defineModule } from './defineModule.js';
import { makeDirs } from './changes/makeDirs.js';
import { parseStats } from './parseStats.js';
import { MISSING } from './PathStat.js';
import { recordChanges } from './changes/recordChanges.js';
import { remoteFailure } from './remoteFailure.js';
import { shellQuote } from '../transport/shellQuote.js';
import { DIFF_LIMIT, STAT_FUNCTION, statCall } from './statScript.js';
import { textOf } from './textOf.js';

// Puts content (inline or a controller file) at a path, atomically, only when its sha256 differs: Ansible's copy.
export const copy = defineModule<CopyArgs, CopyFacts, CopyData>({
  name: 'copy',
  summary: 'Ensure a file holds the given content (inline or a controller file), with mode, owner and group',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['dest'],
    properties: {
      dest: { type: 'string', minLength: 1, description: 'Path on the host; ending in / or naming a directory puts the file inside it under the name of src.' },
      content: { type: 'string', description: 'The file content itself.' },
      src: { type: 'string', minLength: 1, description: "A file on the controller; a relative path is the playbook's directory's." },
      backup: { type: 'boolean', default: false, description: 'Keep the old copy beside the file as <dest>.bak.<UTC time> (mode and owner kept) rather than in ferry\'s backup store.' },
      force: { type: 'boolean', default: true, description: 'false: leave an existing dest alone whatever it holds.' },
      ...ATTRIBUTE_PROPERTIES,
    },
    // Exactly one of content and src (the `properties: true` lines only satisfy ajv's strictRequired).
    oneOf: [
      { required: ['content'], properties: { content: true } },
      { required: ['src'], properties: { src: true } },
    ],
  },
  argChecks: ATTRIBUTE_CHECKS,
  secretArgs: ['content'],
  example: `- name: App config
  copy:
    src: files/app.conf
    dest: /etc/app/app.conf
    mode: '0640'
    owner: root
    group: app
    backup: true`,

  async probe(ctx, args) {
    const source = args.src !== undefined ? await readSource(ctx.baseDir, args.src) : undefined;
    const desired = source ?? Buffer.from(args.content ?? '', 'utf8');
    // The remote content comes along only when a diff could show it next to the new one.
    const limit = textOf(desired, DIFF_LIMIT) === undefined ? 0 : DIFF_LIMIT;
    const res = await ctx.host.exec({ script: probeScript(args, limit), become: ctx.become });
    if (res.rc !== 0) throw remoteFailure(ctx.hostname, `stat of ${args.dest}`, res);
    const { stats } = parseStats(res.stdout);
    return { dest: stats.dest ?? MISSING, inner: stats.inner, parent: stats.parent, source };
  },

  plan: copyPlan,

  apply(ctx, plan) {
    const data = plan.data as CopyData;
    const result: Record<string, unknown> = { ...plan.result };
    return recordChanges(async (record) => {
      if (data.mkdir !== undefined) await makeDirs(ctx, { path: data.mkdir }, record);
      const edit = data.write ? { bytes: data.bytes, write: data.write } : { attrs: data.attrs };
      const change = await changeFile(ctx, { path: data.path, beside: data.backup, ...edit });
      if (data.backup && change.backup !== undefined) result.backup_file = change.backup;
      return { result, files: [change] };
    });
  },
});

/** One round trip: dest (with sha256, and content for a diff), the file inside dest when it is a directory, and dest's parent. */
function probeScript(args: CopyArgs, limit: number): string {
  const lines = ['set -u', STAT_FUNCTION, statCall(args.dest, 'dest', { checksum: true, contentLimit: limit })];
  if (args.src !== undefined) {
    const inner = path.posix.join(args.dest, path.basename(args.src));
    lines.push(`if [ -d ${shellQuote(args.dest)} ]; then`, statCall(inner, 'inner', { checksum: true, contentLimit: limit }), 'fi');
  }
  if (!args.dest.endsWith('/')) lines.push(statCall(path.posix.dirname(args.dest), 'parent'));
  return lines.join('\n');
}
