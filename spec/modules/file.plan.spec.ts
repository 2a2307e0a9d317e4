import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import { filePlan, type FileArgs, type FileFacts } from '../../lib/modules/file/filePlan.js';
import { dirStat, fileStat, missing } from './statOf.js';

const U = 0o022;

describe('file: plan', () => {
  // [title, facts, args, expected change summaries, expected ops]
  const table: Array<[string, FileFacts, FileArgs, string[], unknown[] | undefined]> = [
    ['file present, nothing asked', { stat: fileStat(), umask: U }, { path: '/x' }, [], undefined],
    ['file present, mode differs', { stat: fileStat(), umask: U }, { path: '/x', mode: '0640' }, ['mode 0644 → 0640'], [{ op: 'attrs', on: 'file', chmod: 0o640, chown: undefined }]],
    ['file present, mode equal (3 digits)', { stat: fileStat({ mode: 0o640 }), umask: U }, { path: '/x', mode: '640' }, [], undefined],
    ['file present, symbolic mode differs', { stat: fileStat(), umask: U }, { path: '/x', mode: 'u=rw,g=r,o=' }, ['mode 0644 → 0640'], [{ op: 'attrs', on: 'file', chmod: 0o640, chown: undefined }]],
    ['file present, symbolic mode equal', { stat: fileStat({ mode: 0o640 }), umask: U }, { path: '/x', mode: 'u=rw,g=r,o=' }, [], undefined],
    ['file present, owner differs', { stat: fileStat(), umask: U }, { path: '/x', owner: 'ferryops' }, ['owner root → ferryops'], [{ op: 'attrs', on: 'file', chmod: undefined, chown: { owner: 'ferryops' } }]],
    ['file present, owner by uid equal', { stat: fileStat(), umask: U }, { path: '/x', owner: '0', group: 0 }, [], undefined],
    ['file present, owner and group differ', { stat: fileStat(), umask: U }, { path: '/x', owner: 'app', group: 'app', mode: '0600' }, ['mode 0644 → 0600', 'owner root → app', 'group root → app'], [{ op: 'attrs', on: 'file', chmod: 0o600, chown: { owner: 'app', group: 'app' } }]],
    ['directory missing', { stat: missing, umask: U }, { path: '/d', state: 'directory' }, ['create directory /d (mode 0755)'], [{ op: 'mkdir', mode: 0o755 }]],
    ['directory missing, stricter umask', { stat: missing, umask: 0o077 }, { path: '/d', state: 'directory' }, ['create directory /d (mode 0700)'], [{ op: 'mkdir', mode: 0o700 }]],
    ['directory missing, mode and owner', { stat: missing, umask: U }, { path: '/d', state: 'directory', mode: '0750', owner: 'app' }, ['create directory /d (mode 0750, owner app)'], [{ op: 'mkdir', mode: 0o750, owner: 'app' }]],
    ['directory missing, symbolic mode from the default', { stat: missing, umask: U }, { path: '/d', state: 'directory', mode: 'g+w,o=' }, ['create directory /d (mode 0770)'], [{ op: 'mkdir', mode: 0o770 }]],
    ['directory present', { stat: dirStat(), umask: U }, { path: '/d', state: 'directory', mode: '0755' }, [], undefined],
    ['directory present, setgid cleared by an octal mode', { stat: dirStat({ mode: 0o2755 }), umask: U }, { path: '/d', state: 'directory', mode: '0755' }, ['mode 2755 → 0755'], [{ op: 'attrs', on: 'directory', chmod: 0o755, chown: undefined }]],
    ['directory present, group differs', { stat: dirStat(), umask: U }, { path: '/d', state: 'directory', group: 'app' }, ['group root → app'], [{ op: 'attrs', on: 'directory', chmod: undefined, chown: { group: 'app' } }]],
    ['absent, file present', { stat: fileStat(), umask: U }, { path: '/x', state: 'absent' }, ['remove /x'], [{ op: 'rm' }]],
    ['absent, directory present', { stat: dirStat(), umask: U }, { path: '/d', state: 'absent', mode: '0700' }, ['remove /d'], [{ op: 'rm' }]],
    ['absent, dangling symlink', { stat: { exists: false, link: '/gone' }, umask: U }, { path: '/l', state: 'absent' }, ['remove /l'], [{ op: 'rm' }]],
    ['absent, already gone', { stat: missing, umask: U }, { path: '/x', state: 'absent' }, [], undefined],
    ['touch, missing', { stat: missing, umask: U }, { path: '/t', state: 'touch' }, ['create file /t (mode 0644)'], [{ op: 'create', mode: 0o644 }]],
    ['touch, missing, with mode', { stat: missing, umask: U }, { path: '/t', state: 'touch', mode: '0600' }, ['create file /t (mode 0600)'], [{ op: 'create', mode: 0o600 }]],
    ['touch, present: times change as in Ansible', { stat: fileStat({ mode: 0o600 }), umask: U }, { path: '/t', state: 'touch', mode: '0600' }, ['update timestamps of /t'], [{ op: 'touch' }]],
    ['touch, present, mode differs: one recorded step', { stat: fileStat(), umask: U }, { path: '/t', state: 'touch', mode: '0600' }, ['update timestamps of /t', 'mode 0644 → 0600'], [{ op: 'attrs', on: 'file', chmod: 0o600, chown: undefined, touch: true }]],
    ['touch, missing, owner and group', { stat: missing, umask: U }, { path: '/t', state: 'touch', owner: 'app', group: 'app' }, ['create file /t (mode 0644, owner app, group app)'], [{ op: 'create', mode: 0o644, owner: 'app', group: 'app' }]],
    ['touch, a directory with a group to fix', { stat: dirStat(), umask: U }, { path: '/d', state: 'touch', group: 'app' }, ['update timestamps of /d', 'group root → app'], [{ op: 'attrs', on: 'directory', chmod: undefined, chown: { group: 'app' }, touch: true }]],
  ];
  for (const [title, facts, args, changes, ops] of table) {
    it(title, () => {
      const plan = filePlan(facts, args);
      expect(plan.changes.map((c) => c.summary)).to.deep.equal(changes);
      expect(plan.data?.ops).to.deep.equal(ops);
    });
  }

  // [title, facts, args, message part, hint part]
  const errors: Array<[string, FileFacts, FileArgs, string, RegExp]> = [
    ['state file on a missing path, like Ansible', { stat: missing, umask: U }, { path: '/x' }, 'file /x does not exist', /state: touch/],
    ['state file on a directory', { stat: dirStat(), umask: U }, { path: '/d', state: 'file' }, 'is a directory', /state: directory/],
    ['state directory on a file', { stat: fileStat(), umask: U }, { path: '/x', state: 'directory' }, 'exists and is not a directory', /absent/],
    ['a mode YAML read as a number', { stat: fileStat(), umask: U }, { path: '/x', mode: 640 }, 'is a number', /^quote the mode: mode: '0640'$/],
    ['a mode that is no mode', { stat: fileStat(), umask: U }, { path: '/x', mode: 'rw-r--r--' }, 'is not a file mode', /symbolic/],
    ['to remove the root directory', { stat: dirStat(), umask: U }, { path: '//', state: 'absent' }, 'refusing to remove //', /name the path/],
    ['directory over a dangling symlink', { stat: { exists: false, link: '/gone' }, umask: U }, { path: '/l', state: 'directory' }, 'dangling symlink', /absent/],
  ];
  for (const [title, facts, args, message, hint] of errors) {
    it(`refuses ${title}`, () => {
      let err: unknown;
      try {
        filePlan(facts, args);
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(FerryError);
      expect((err as FerryError).message).to.contain(message);
      expect((err as FerryError).hint).to.match(hint);
    });
  }

  it('reports path, state and the resulting mode for register', () => {
    expect(filePlan({ stat: fileStat(), umask: U }, { path: '/x', mode: '0600' }).result).to.deep.equal({ path: '/x', state: 'file', mode: '0600' });
    expect(filePlan({ stat: missing, umask: U }, { path: '/d', state: 'directory' }).result).to.deep.equal({ path: '/d', state: 'directory', mode: '0755' });
  });
});
