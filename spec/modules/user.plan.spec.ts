import { Ajv } from 'ajv';
import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import { parseUserProbe } from '../../lib/modules/user/userProbe.js';
import { userPlan } from '../../lib/modules/user/userPlan.js';
import type { UserArgs, UserFacts } from '../../lib/modules/user/userTypes.js';
import { user } from '../../lib/modules/user/user.js';

const GROUPS = ['ops', 'adm', 'docker', 'ferryops', 'staff'];
/** An account as the probe reports it: uid 1500, primary group ops, also in adm and docker. */
const bob = (over: Partial<UserFacts> = {}): UserFacts => ({
  exists: true,
  uid: 1500,
  gid: 1500,
  group: 'ops',
  groups: ['ops', 'adm', 'docker'],
  comment: 'Bob',
  home: '/home/bob',
  shell: '/bin/bash',
  knownGroups: GROUPS,
  ...over,
});
const none: UserFacts = { exists: false, knownGroups: GROUPS };

describe('user: plan', () => {
  // [title, facts, args, change summaries (the command line)]
  const table: Array<[string, UserFacts, UserArgs, string[]]> = [
    ['create with defaults', none, { name: 'bob' }, ['useradd -m -- bob']],
    ['create with every option', none, { name: 'bob', uid: 1500, group: 'ops', groups: ['adm', 'docker'], shell: '/bin/bash', home: '/srv/bob', comment: 'Bob the builder', system: true }, ["useradd -u 1500 -g ops -G adm,docker -s /bin/bash -d /srv/bob -c 'Bob the builder' -r -m -- bob"]],
    ['create without home', none, { name: 'svc', create_home: false }, ['useradd -M -- svc']],
    ['a name ending in $', none, { name: 'host$' }, ["useradd -m -- 'host$'"]],
    ['already as asked', bob(), { name: 'bob', uid: 1500, group: 'ops', groups: ['adm', 'docker'], shell: '/bin/bash', home: '/home/bob', comment: 'Bob' }, []],
    ['nothing asked of an existing account', bob(), { name: 'bob' }, []],
    ['shell differs', bob(), { name: 'bob', shell: '/usr/sbin/nologin' }, ['usermod -s /usr/sbin/nologin -- bob']],
    ['uid and comment differ', bob(), { name: 'bob', uid: 1600, comment: 'Robert' }, ['usermod -u 1600 -c Robert -- bob']],
    ['primary group differs', bob(), { name: 'bob', group: 'staff' }, ['usermod -g staff -- bob']],
    ['groups: the full set (append false), one dropped', bob(), { name: 'bob', groups: ['adm'] }, ['usermod -G adm -- bob']],
    ['groups: the primary group listed does not count', bob(), { name: 'bob', groups: ['ops', 'adm', 'docker'] }, []],
    ['groups: order does not matter', bob(), { name: 'bob', groups: ['docker', 'adm'] }, []],
    ['groups: empty list removes every supplementary group', bob(), { name: 'bob', groups: [] }, ["usermod -G '' -- bob"]],
    ['groups with append: only the missing ones added', bob(), { name: 'bob', groups: ['adm', 'staff'], append: true }, ['usermod -a -G staff -- bob']],
    ['groups with append: nothing missing', bob(), { name: 'bob', groups: ['adm'], append: true }, []],
    ['home differs', bob(), { name: 'bob', home: '/srv/bob' }, ['usermod -d /srv/bob -- bob']],
    ['remove', bob(), { name: 'bob', state: 'absent' }, ['userdel -- bob']],
    ['remove with home', bob(), { name: 'bob', state: 'absent', remove: true }, ['userdel -r -- bob']],
    ['remove a missing account', none, { name: 'bob', state: 'absent' }, []],
  ];
  for (const [title, facts, args, changes] of table) {
    it(title, () => {
      const plan = userPlan(facts, args);
      expect(plan.changes.map((c) => c.summary)).to.deep.equal(changes);
      expect(plan.data === undefined).to.equal(changes.length === 0);
    });
  }

  it('carries the argv apply runs, each word separate (quoted one by one on the host)', () => {
    expect(userPlan(none, { name: 'bob', comment: "O'Brien; rm -rf /" }).data?.argv).to.deep.equal(['useradd', '-c', "O'Brien; rm -rf /", '-m', '--', 'bob']);
  });

  it('refuses groups that do not exist on the host, before running anything', () => {
    expect(() => userPlan({ ...none, knownGroups: ['adm'] }, { name: 'bob', group: 'nogroup1', groups: ['adm', 'nogroup2'] })).to.throw(FerryError, 'group nogroup1, nogroup2 does not exist on the host');
  });

  it('refuses a change when the probe did not run as root, saying to use become', () => {
    expect(() => userPlan({ ...bob(), root: false }, { name: 'bob', shell: '/bin/sh' })).to.throw(FerryError, /usermod needs root/);
    expect(userPlan({ ...bob(), root: false }, { name: 'bob', shell: '/bin/bash' }).changes, 'nothing to change, nothing refused').to.deep.equal([]);
  });

  it('reads the probe output back', () => {
    const facts = parseUserProbe('euid=0\npasswd=bob:x:1500:1500:Bob,,,:/home/bob:/bin/bash\ngroups=ops adm docker\nprimary=ops\nknown=adm\nknown=ops\n');
    expect(facts).to.deep.equal({ exists: true, uid: 1500, gid: 1500, group: 'ops', groups: ['ops', 'adm', 'docker'], comment: 'Bob,,,', home: '/home/bob', shell: '/bin/bash', knownGroups: ['adm', 'ops'], root: true });
    expect(parseUserProbe('euid=1000\nknown=adm\n')).to.deep.equal({ exists: false, knownGroups: ['adm'], root: false });
  });

  describe('schema', () => {
    const validate = new Ajv({ allErrors: true, strict: true }).compile(user.args);
    // [args, valid]
    const cases: Array<[Record<string, unknown>, boolean]> = [
      [{ name: 'ops-automation' }, true],
      [{ name: 'host$' }, true],
      [{ name: '_svc' }, true],
      [{ name: 'Bob' }, false],
      [{ name: 'a;rm' }, false],
      [{ name: '$(id)' }, false],
      [{ name: '-rf' }, false],
      [{ name: 'bob', groups: ['ok', 'bad group'] }, false],
      [{ name: 'bob', home: 'relative' }, false],
      [{ name: 'bob', comment: 'a:b' }, false],
      [{ name: 'bob', uid: -1 }, false],
      [{ name: 'bob', state: 'absent', remove: true }, true],
    ];
    for (const [args, valid] of cases) {
      it(`${JSON.stringify(args)} is ${valid ? 'valid' : 'refused'}`, () => {
        expect(validate(args)).to.equal(valid);
      });
    }
  });
});
