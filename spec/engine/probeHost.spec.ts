import { expect } from 'chai';
import { probeHost } from '../../lib/engine/probeHost.js';
import type { ExecRequest, RemoteHost } from '../../lib/transport/types.js';

// A probe's view of its host: reads marked read-only, writes refused before they leave the controller.
describe('probeHost: what a probe may do on its host', function () {
  const seen: ExecRequest[] = [];
  const written: string[] = [];
  const host: RemoteHost = {
    name: 'h1',
    user: 'root',
    exec: async (req) => (seen.push(req), { rc: 0, stdout: '', stderr: '' }),
    writeFile: async (req) => void written.push(req.path),
  };

  it('marks every exec read-only and keeps the rest of the request', async function () {
    await probeHost(host).exec({ script: 'stat /x', become: true, timeoutMs: 5 });
    expect(seen.at(-1)).to.deep.equal({ script: 'stat /x', become: true, timeoutMs: 5, readOnly: true });
  });

  it('refuses to write a file', async function () {
    let err: unknown;
    try {
      await probeHost(host).writeFile({ path: '/etc/x', content: 'y' });
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.match(/a probe tried to write \/etc\/x/);
    expect(written).to.deep.equal([]);
  });
});
