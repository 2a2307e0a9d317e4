import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import { envLinePlan } from '../../lib/modules/env_line/envLinePlan.js';
import type { EnvFileFacts, EnvLineArgs } from '../../lib/modules/env_line/envLineTypes.js';
import { envLine } from '../../lib/modules/env_line/envLine.js';
import { dirStat, fileStat, missing } from './statOf.js';

const TOKEN = 'gta_4a1b2c3d4e5f60718293a4b5c6d7e8f9abcd';
const PATH = '/etc/molecule-bootstrap/all-credentials.env';
const OLD = 'export GITEA_URL=https://git.example\nGITEA_TOKEN=gta_oldoldoldoldoldoldold1234\n';
const present = (content: string, over = {}): EnvFileFacts => ({
  file: fileStat({ content: Buffer.from(content), size: content.length, mode: 0o640, group: 'ferryops', gid: 1000, ...over }),
  parent: dirStat(),
  real: PATH,
});
const args = (over: Partial<EnvLineArgs> = {}): EnvLineArgs => ({ path: PATH, key: 'GITEA_TOKEN', value: TOKEN, ...over });

describe('env_line: plan from facts', () => {
  // [title, facts, args, change summaries]
  const table: Array<[string, EnvFileFacts, EnvLineArgs, string[]]> = [
    ['replace the token', present(OLD), args(), [`set GITEA_TOKEN= in ${PATH}`]],
    ['already set', present(`GITEA_TOKEN=${TOKEN}\n`), args(), []],
    ['already set, mode asked differs', present(`GITEA_TOKEN=${TOKEN}\n`), args({ mode: '0600' }), ['mode 0640 → 0600']],
    ['with backup', present(OLD), args({ backup: true }), [`set GITEA_TOKEN= in ${PATH}, old copy kept as .bak`]],
    ['through a symlink', present(OLD, {}), args({ path: '/etc/creds.env' }), [`set GITEA_TOKEN= in /etc/creds.env (symlink to ${PATH})`]],
    ['duplicates', present(`${OLD}GITEA_TOKEN=x\nGITEA_TOKEN=y\n`), args(), [`set GITEA_TOKEN= (2 later duplicates removed) in ${PATH}`]],
    ['comment only', present(`GITEA_TOKEN=${TOKEN}\n`), args({ comment: 'persona' }), [`keep GITEA_TOKEN= (comment added above it) in ${PATH}`]],
    ['append', present('A=1\n'), args(), [`add GITEA_TOKEN= in ${PATH}`]],
    ['remove', present(OLD), args({ state: 'absent', value: undefined }), [`remove 1 assignment of GITEA_TOKEN= in ${PATH}`]],
    ['remove, missing file', { file: missing, parent: dirStat() }, args({ state: 'absent', value: undefined }), []],
    ['create', { file: missing, parent: dirStat() }, args({ create: true }), [`create ${PATH} with GITEA_TOKEN= (mode 0600)`]],
    ['create with mode and group', { file: missing, parent: dirStat() }, args({ create: true, mode: '0640', group: 'ferryops' }), [`create ${PATH} with GITEA_TOKEN= (mode 0640, group ferryops)`]],
  ];
  for (const [title, facts, a, changes] of table) {
    it(title, () => {
      expect(envLinePlan(facts, a).changes.map((c) => c.summary)).to.deep.equal(changes);
    });
  }

  it('refuses a missing file unless create is set, saying how', () => {
    expect(() => envLinePlan({ file: missing, parent: dirStat() }, args())).to.throw(FerryError, `${PATH} does not exist (set create: true to create it)`);
  });

  it('refuses a dangling symlink, a directory and a missing parent directory', () => {
    expect(() => envLinePlan({ file: { exists: false, link: '/nowhere' } }, args({ create: true }))).to.throw(FerryError, /dangling symlink/);
    expect(() => envLinePlan({ file: dirStat() }, args())).to.throw(FerryError, /not a regular file/);
    expect(() => envLinePlan({ file: missing, parent: missing }, args({ create: true }))).to.throw(FerryError, /directory \/etc\/molecule-bootstrap does not exist/);
  });

  it('writes the new bytes keeping mode and owner (unset), backup asked', () => {
    const plan = envLinePlan(present(OLD), args({ backup: true }));
    expect(plan.data?.bytes?.toString()).to.equal(`export GITEA_URL=https://git.example\nGITEA_TOKEN=${TOKEN}\n`);
    expect(plan.data?.write).to.deep.equal({ mode: undefined, owner: undefined, group: undefined });
    expect(plan.data?.backup).to.equal(true);
    expect(plan.result).to.deep.equal({ path: PATH });
  });

  it('keeps bytes that are not UTF-8 exactly', () => {
    const raw = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\r\nGITEA_TOKEN=old\r\n')]);
    const plan = envLinePlan({ file: fileStat({ content: raw }), parent: dirStat() }, args({ value: 'nový' }));
    const expected = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xff]), Buffer.from("\r\nGITEA_TOKEN='nový'\r\n")]);
    expect(plan.data?.bytes?.equals(expected)).to.equal(true);
    expect(plan.changes[0].diff, 'no diff of binary text').to.equal(undefined);
  });

  it('shows a diff with fingerprints, never the token', () => {
    const diff = envLinePlan(present(OLD), args()).changes[0].diff;
    expect(diff?.path).to.equal(PATH);
    expect(diff?.before).to.include('GITEA_TOKEN=****1234');
    expect(diff?.after).to.include(`GITEA_TOKEN=****${TOKEN.slice(-4)}`);
    expect(`${diff?.before}${diff?.after}`).to.not.include(TOKEN).and.not.include('gta_old');
  });

  it('declares the value an always-secret argument', () => {
    expect(envLine.alwaysSecret).to.deep.equal(['value']);
  });
});
