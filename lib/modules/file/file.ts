import { defineModule } from '../defineModule.js';
import { ATTRIBUTE_CHECKS, ATTRIBUTE_PROPERTIES } from '../attributeArgs.js';
import { applyFile } from './applyFile.js';
import { filePlan, type FileArgs, type FileData, type FileFacts } from './filePlan.js';
import { parseStats } from '../parseStats.js';
import { MISSING } from '../PathStat.js';
import { remoteFailure } from '../remoteFailure.js';
import { statScript } from '../statScript.js';

// Ensures a path is a file, a directory, or absent, with the mode and owner asked: Ansible's file module.
export const file = defineModule<FileArgs, FileFacts, FileData>({
  name: 'file',
  summary: 'Ensure a path is a file, a directory or absent, with mode, owner and group',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['path'],
    properties: {
      path: { type: 'string', minLength: 1, description: 'The path on the host.' },
      state: {
        enum: ['file', 'directory', 'absent', 'touch'],
        default: 'file',
        description: 'file: must already exist; directory: created with parents (mkdir -p); absent: removed, recursively (a file or tree is first copied to the backup store, so ferry rollback can put it back); touch: created empty, or its times updated.',
      },
      ...ATTRIBUTE_PROPERTIES,
    },
  },
  argChecks: ATTRIBUTE_CHECKS,
  example: `- name: Config directory
  file:
    path: /etc/app
    state: directory
    mode: '0750'
    owner: root
    group: app`,

  async probe(ctx, args) {
    const script = `${statScript([{ path: args.path, label: 'path' }])}\nprintf 'umask=%s\\n' "$(umask)"`;
    const res = await ctx.host.exec({ script, become: ctx.become });
    if (res.rc !== 0) throw remoteFailure(ctx.hostname, `stat of ${args.path}`, res);
    const { stats, vars } = parseStats(res.stdout);
    return { stat: stats.path ?? MISSING, umask: parseInt(vars.umask ?? '022', 8) };
  },

  plan: filePlan,

  apply: applyFile,
});
