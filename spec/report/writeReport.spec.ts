import { expect } from 'chai';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FerryError } from '../../lib/errors/FerryError.js';
import { ReportCollector } from '../../lib/report/ReportCollector.js';
import { writeReport } from '../../lib/report/writeReport.js';

/** A small but real report. */
function sample() {
  const c = new ReportCollector({ ferry: '0.1.0', playbook: 'p.yml', check: false, diff: true, started: '2024-01-01T00:00:00.000Z' });
  c.playStart({ name: 'p', hosts: ['h'] });
  c.hostResult({ name: 't', module: 'env_line' }, { host: 'h', status: 'changed', diff: '-A=****ab12\n+A=****cd34\n' });
  return c.finish(undefined, '2024-01-01T00:00:01.000Z');
}

describe('writeReport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ferry-report-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves a 0600 file holding the report as 2-space JSON, and no temp file', async () => {
    const file = join(dir, 'report.json');
    const report = sample();
    await writeReport(file, report);
    expect((await stat(file)).mode & 0o777).to.equal(0o600);
    const text = await readFile(file, 'utf8');
    expect(text).to.equal(`${JSON.stringify(report, null, 2)}\n`);
    expect(JSON.parse(text)).to.deep.equal(report);
    expect(await readdir(dir)).to.deep.equal(['report.json']);
  });

  it('replaces an existing, wider file with a 0600 one', async () => {
    const file = join(dir, 'report.json');
    await writeFile(file, 'old', { mode: 0o644 });
    await writeReport(file, sample());
    expect((await stat(file)).mode & 0o777).to.equal(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).exitCode).to.equal(0);
    expect(await readdir(dir)).to.deep.equal(['report.json']);
  });

  it('fails with a FerryError naming the file when its directory is missing', async () => {
    const file = join(dir, 'missing', 'report.json');
    const err = await writeReport(file, sample()).then(() => undefined, (e: unknown) => e);
    expect(err).to.be.instanceOf(FerryError);
    expect((err as FerryError).code).to.equal('FILE_NOT_FOUND');
    expect((err as FerryError).where.file).to.equal(file);
    expect((err as FerryError).hint).to.match(/--report/);
  });

  it('fails with a FerryError and leaves no temp file when the target is a directory', async () => {
    const file = join(dir, 'taken');
    await writeFile(join(dir, 'keep'), '');
    await mkdir(file);
    const err = await writeReport(file, sample()).then(() => undefined, (e: unknown) => e);
    expect(err).to.be.instanceOf(FerryError);
    expect((err as FerryError).code).to.equal('USAGE');
    expect((await readdir(dir)).sort()).to.deep.equal(['keep', 'taken']);
  });
});
