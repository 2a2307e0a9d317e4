import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readSshConfig, sshConfigValues, type SshConfigValues } from '../../lib/transport/sshConfig.js';
import { resolveConnection, type ConnectionWish } from '../../lib/transport/resolveConnection.js';
import type { ConnectionSpec } from '../../lib/transport/types.js';

const ctx = { home: '/home/op', localUser: 'op' };

const CONFIG = `
Host web*
  HostName %h.internal.example
  User deploy
  Port 2200
  IdentityFile ~/.ssh/id_web

host db1
  hostname 10.0.0.9
  user dba

Match exec "true"
  User ran-exec

Host *
  User fallback
  IdentityFile %d/.ssh/id_%r
`;

describe('sshConfig: the values ssh would use for a host', function () {
  const table: { host: string; want: SshConfigValues }[] = [
    {
      host: 'web1',
      want: {
        hostName: 'web1.internal.example',
        user: 'deploy',
        port: 2200,
        identityFiles: ['/home/op/.ssh/id_web', '/home/op/.ssh/id_deploy'],
      },
    },
    { host: 'db1', want: { hostName: '10.0.0.9', user: 'dba', port: undefined, identityFiles: ['/home/op/.ssh/id_dba'] } },
    { host: 'other', want: { hostName: undefined, user: 'fallback', port: undefined, identityFiles: ['/home/op/.ssh/id_fallback'] } },
  ];
  for (const row of table) {
    it(`${row.host}: first value wins, keywords case-insensitive, ~ and % expanded`, () => {
      expect(sshConfigValues(CONFIG, row.host, ctx)).to.deep.equal(row.want);
    });
  }

  it('never runs a Match exec command', function () {
    const marker = path.join(os.tmpdir(), `ferry-match-exec-${process.pid}`);
    sshConfigValues(`Match exec "touch ${marker}"\n  User x\n`, 'h', ctx);
    return import('node:fs').then((fs) => expect(fs.existsSync(marker)).to.equal(false));
  });

  it('reads a config file, and a missing file says nothing', async function () {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-sshcfg-'));
    try {
      const file = path.join(dir, 'config');
      await writeFile(file, 'Host a\n  Port 2022\n');
      expect((await readSshConfig('a', file)).port).to.equal(2022);
      expect(await readSshConfig('a', path.join(dir, 'missing'))).to.deep.equal({
        hostName: undefined,
        user: undefined,
        port: undefined,
        identityFiles: [],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('resolveConnection: inventory wins, ssh_config fills the gaps', function () {
  const config: SshConfigValues = { hostName: 'cfg.example', user: 'cfguser', port: 2200, identityFiles: ['/k/missing', '/k/present'] };
  const env = { localUser: 'me', exists: (f: string) => f === '/k/present' };
  const table: { title: string; wish: ConnectionWish; config: SshConfigValues; env?: Partial<typeof env> & { sshAuthSock?: string }; want: ConnectionSpec }[] = [
    {
      title: 'inventory says everything',
      wish: { name: 'h', address: '10.0.0.1', port: 22, user: 'root', privateKeyFile: '/inv/key' },
      config,
      want: { name: 'h', address: '10.0.0.1', port: 22, user: 'root', privateKeyFile: '/inv/key' },
    },
    {
      title: 'inventory says only the name',
      wish: { name: 'h' },
      config,
      want: { name: 'h', address: 'cfg.example', port: 2200, user: 'cfguser', privateKeyFile: '/k/present' },
    },
    {
      title: 'nothing anywhere: name, port 22, the local user, no key',
      wish: { name: 'h' },
      config: { identityFiles: [] },
      want: { name: 'h', address: 'h', port: 22, user: 'me' },
    },
    {
      title: 'agent socket and passphrase are carried',
      wish: { name: 'h', passphrase: 'pw', connectTimeout: 5 },
      config: { identityFiles: [] },
      env: { sshAuthSock: '/run/agent.sock' },
      want: { name: 'h', address: 'h', port: 22, user: 'me', passphrase: 'pw', agent: '/run/agent.sock', connectTimeout: 5 },
    },
  ];
  for (const row of table) {
    it(row.title, () => expect(resolveConnection(row.wish, row.config, { ...env, ...row.env })).to.deep.equal(row.want));
  }
});
