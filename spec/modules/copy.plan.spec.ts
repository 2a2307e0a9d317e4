import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { FerryError } from '../../lib/errors/FerryError.js';
import { copyPlan, type CopyArgs, type CopyFacts } from '../../lib/modules/copyPlan.js';
import { dirStat, fileStat, missing } from './statOf.js';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const NEW = 'listen=0.0.0.0:8080\n';
const OLD = 'listen=127.0.0.1:8080\n';
/** A present file holding OLD, content sent for the diff. */
const oldFile = (over = {}) => fileStat({ size: OLD.length, sha256: sha(OLD), content: Buffer.from(OLD), ...over });
const inEtc: Pick<CopyFacts, 'parent'> = { parent: dirStat() };

describe('copy: plan', () => {
  // [title, facts, args, expected change summaries]
  const table: Array<[string, CopyFacts, CopyArgs, string[]]> = [
    ['missing file', { dest: missing, ...inEtc }, { dest: '/etc/app.conf', content: NEW }, ['create file /etc/app.conf (mode 0644)']],
    ['missing file, mode and owner', { dest: missing, ...inEtc }, { dest: '/etc/app.conf', content: NEW, mode: '0640', owner: 'app' }, ['create file /etc/app.conf (mode 0640, owner app)']],
    ['missing file, symbolic mode from 0644', { dest: missing, ...inEtc }, { dest: '/etc/app.conf', content: NEW, mode: 'o=' }, ['create file /etc/app.conf (mode 0640)']],
    ['same content', { dest: fileStat({ sha256: sha(NEW) }), ...inEtc }, { dest: '/etc/app.conf', content: NEW }, []],
    ['same content and attributes', { dest: fileStat({ sha256: sha(NEW), mode: 0o640, owner: 'app', uid: 1001 }), ...inEtc }, { dest: '/etc/app.conf', content: NEW, mode: '0640', owner: 'app' }, []],
    ['same content, mode differs', { dest: fileStat({ sha256: sha(NEW) }), ...inEtc }, { dest: '/etc/app.conf', content: NEW, mode: '0600' }, ['mode 0644 → 0600']],
    ['same content, group differs', { dest: fileStat({ sha256: sha(NEW) }), ...inEtc }, { dest: '/etc/app.conf', content: NEW, group: 'app' }, ['group root → app']],
    ['different content', { dest: oldFile(), ...inEtc }, { dest: '/etc/app.conf', content: NEW }, [`update content of /etc/app.conf (${OLD.length} → ${NEW.length} bytes)`]],
    ['different content, with backup', { dest: oldFile(), ...inEtc }, { dest: '/etc/app.conf', content: NEW, backup: true }, [`update content of /etc/app.conf (${OLD.length} → ${NEW.length} bytes, old copy kept as .bak)`]],
    ['different content and owner', { dest: oldFile(), ...inEtc }, { dest: '/etc/app.conf', content: NEW, owner: 'ferryops' }, [`update content of /etc/app.conf (${OLD.length} → ${NEW.length} bytes)`, 'owner root → ferryops']],
    ['force false leaves an existing file alone', { dest: oldFile(), ...inEtc }, { dest: '/etc/app.conf', content: NEW, force: false, mode: '0600' }, []],
    ['force false still creates a missing file', { dest: missing, ...inEtc }, { dest: '/etc/app.conf', content: NEW, force: false }, ['create file /etc/app.conf (mode 0644)']],
    ['src into an existing directory, file missing', { dest: dirStat(), source: Buffer.from(NEW) }, { dest: '/etc/app', src: 'files/app.conf' }, ['create file /etc/app/app.conf (mode 0644)']],
    ['src into an existing directory, file equal', { dest: dirStat(), inner: fileStat({ sha256: sha(NEW) }), source: Buffer.from(NEW) }, { dest: '/etc/app', src: 'files/app.conf' }, []],
    ['src into dest/ that does not exist yet', { dest: missing, source: Buffer.from(NEW) }, { dest: '/etc/app/', src: 'app.conf' }, ['create directory /etc/app/', 'create file /etc/app/app.conf (mode 0644)']],
  ];
  for (const [title, facts, args, changes] of table) {
    it(title, () => {
      expect(copyPlan(facts, args).changes.map((c) => c.summary)).to.deep.equal(changes);
    });
  }

  it('writes a new file with 0644 unless told, and the owner asked', () => {
    const plan = copyPlan({ dest: missing, ...inEtc }, { dest: '/etc/a', content: NEW, group: 'app' });
    expect(plan.data?.write).to.deep.equal({ mode: 0o644, owner: undefined, group: 'app' });
    expect(plan.data?.bytes.toString()).to.equal(NEW);
  });

  it("keeps an existing file's mode and owner when replacing its content (leaves them unset for the write)", () => {
    const plan = copyPlan({ dest: oldFile({ mode: 0o600, owner: 'app', uid: 1001 }), ...inEtc }, { dest: '/etc/a', content: NEW });
    expect(plan.data?.write).to.deep.equal({ mode: undefined, owner: undefined, group: undefined });
    expect(plan.data?.backup).to.equal(false);
  });

  it('only fixes attributes when the content is already right', () => {
    const plan = copyPlan({ dest: fileStat({ sha256: sha(NEW) }), ...inEtc }, { dest: '/etc/a', content: NEW, mode: '0600', owner: 'app' });
    expect(plan.data?.write).to.equal(undefined);
    expect(plan.data?.attrs).to.deep.equal({ chmod: 0o600, chown: { owner: 'app' } });
  });

  it('carries a diff of text content, for a new and for a changed file', () => {
    const created = copyPlan({ dest: missing, ...inEtc }, { dest: '/etc/a', content: NEW });
    expect(created.changes[0].diff).to.deep.equal({ path: '/etc/a', before: '', after: NEW });
    const updated = copyPlan({ dest: oldFile(), ...inEtc }, { dest: '/etc/a', content: NEW });
    expect(updated.changes[0].diff).to.deep.equal({ path: '/etc/a', before: OLD, after: NEW });
  });

  it('shows no diff for binary content or when the old content was too large to fetch', () => {
    const bin = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]);
    expect(copyPlan({ dest: missing, ...inEtc, source: bin }, { dest: '/bin/x', src: 'x' }).changes[0].diff).to.equal(undefined);
    const big = fileStat({ size: 1 << 20, sha256: sha('other') });
    expect(copyPlan({ dest: big, ...inEtc }, { dest: '/etc/a', content: NEW }).changes[0].diff).to.equal(undefined);
  });

  it('registers dest and the sha256 of the new content', () => {
    expect(copyPlan({ dest: missing, ...inEtc }, { dest: '/etc/a', content: NEW }).result).to.deep.equal({ dest: '/etc/a', checksum: sha(NEW) });
    const inside = copyPlan({ dest: dirStat(), source: Buffer.from(NEW) }, { dest: '/etc/app', src: 'sub/app.conf' });
    expect(inside.result).to.deep.equal({ dest: '/etc/app/app.conf', checksum: sha(NEW) });
  });

  // [title, facts, args, message part]
  const errors: Array<[string, CopyFacts, CopyArgs, string, RegExp]> = [
    ['a missing destination directory (as Ansible)', { dest: missing, parent: missing }, { dest: '/nope/a', content: NEW }, 'destination directory /nope does not exist', /state=directory/],
    ['content into a directory', { dest: dirStat() }, { dest: '/etc/app', content: NEW }, 'is a directory', /name the file/],
    ['dest/ that is a file', { dest: fileStat(), source: Buffer.from(NEW) }, { dest: '/etc/a/', src: 'x' }, 'ends with / but is not a directory', /trailing/],
    ['a target that is a directory', { dest: dirStat(), inner: dirStat(), source: Buffer.from(NEW) }, { dest: '/etc', src: 'app' }, 'is not a regular file', /another dest/],
    ['a mode YAML read as a number', { dest: missing, ...inEtc }, { dest: '/etc/a', content: NEW, mode: 600 }, 'is a number', /^quote the mode: mode: '0600'$/],
  ];
  for (const [title, facts, args, message, hint] of errors) {
    it(`refuses ${title}`, () => {
      let err: unknown;
      try {
        copyPlan(facts, args);
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(FerryError);
      expect((err as FerryError).message).to.contain(message);
      expect((err as FerryError).hint).to.match(hint);
    });
  }
});
