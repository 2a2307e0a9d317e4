import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCronFileRead, readCronFileScript } from '../../lib/modules/cron_script/readCronFile.js';
import { localSh } from '../modules/localSh.js';

const LIMIT = 64;

describe("cron_script's one-process probe of a cron.d file", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ferry-cronread-'));
    writeFileSync(join(dir, 'jobs'), '# jobs\r\n*/5 * * * * root /opt/x.sh\n');
    writeFileSync(join(dir, 'at-limit'), 'x'.repeat(LIMIT));
    writeFileSync(join(dir, 'over-limit'), 'x'.repeat(LIMIT + 1));
    writeFileSync(join(dir, 'empty'), '');
    mkdirSync(join(dir, 'a-dir'));
    symlinkSync('jobs', join(dir, 'link'));
    writeFileSync(join(dir, "it's odd $(touch pwned)"), 'odd\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, ReturnType<typeof parseCronFileRead>]> = [
    ['jobs', { kind: 'file', text: '# jobs\r\n*/5 * * * * root /opt/x.sh\n' }],
    ['at-limit', { kind: 'file', text: 'x'.repeat(LIMIT) }],
    ['over-limit', { kind: 'too-large' }],
    ['empty', { kind: 'file', text: '' }],
    ['a-dir', { kind: 'not-a-file' }],
    ['link', { kind: 'file', text: '# jobs\r\n*/5 * * * * root /opt/x.sh\n' }],
    ['nope', { kind: 'missing' }],
    ["it's odd $(touch pwned)", { kind: 'file', text: 'odd\n' }],
  ];
  for (const [name, want] of cases) {
    it(`${name} -> ${want.kind}`, async () => {
      const res = await localSh(readCronFileScript(join(dir, name), LIMIT));
      expect(res.rc, res.stderr).to.equal(0);
      expect(parseCronFileRead(res.stdout, LIMIT)).to.deep.equal(want);
    });
  }

  it('fails (rc != 0) when the file cannot be read, as the probe reports it', async () => {
    const res = await localSh(`${readCronFileScript(join(dir, 'jobs'), LIMIT).replace(/head -c/, 'head --no-such-option -c')}`);
    expect(res.rc).to.not.equal(0);
  });
});
