import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import { formatMode, parseMode, resolveMode } from '../../lib/modules/parseMode.js';

describe('parseMode / resolveMode', () => {
  // [mode text, current mode, is a directory, expected mode]
  const table: Array<[string, number, boolean, number]> = [
    ['0640', 0o644, false, 0o640],
    ['640', 0o777, false, 0o640],
    ['0o600', 0o644, false, 0o600],
    ['2755', 0o755, true, 0o2755],
    ['u=rw,g=r,o=', 0o777, false, 0o640],
    ['u+x', 0o644, false, 0o744],
    ['go-w', 0o666, false, 0o644],
    ['a+X', 0o644, false, 0o644],
    ['a+X', 0o744, false, 0o755],
    ['a+X', 0o600, true, 0o711],
    ['+x', 0o644, false, 0o755],
    ['o=', 0o1777, true, 0o770],
    ['u+s', 0o755, false, 0o4755],
    ['g+s', 0o755, true, 0o2755],
    ['+t', 0o777, true, 0o1777],
    ['u=rwx', 0o4644, false, 0o744],
    ['u=rwx', 0o2644, true, 0o2744],
    ['g=u', 0o640, false, 0o660],
    ['u=rw,go=u-w', 0o000, false, 0o644],
  ];
  for (const [text, current, isDir, expected] of table) {
    it(`${text} on ${formatMode(current)}${isDir ? ' (dir)' : ''} → ${formatMode(expected)}`, () => {
      expect(formatMode(resolveMode(parseMode(text), current, isDir))).to.equal(formatMode(expected));
    });
  }

  it('refuses an unquoted (integer) mode with the hint to quote it', () => {
    const err = catchError(() => parseMode(640));
    expect(err.code).to.equal('MODULE');
    expect(err.hint).to.equal("quote the mode: mode: '0640'");
    expect(err.message).to.contain('decimal');
  });

  it('suggests a generic quoted mode when the integer has non-octal digits', () => {
    expect(catchError(() => parseMode(493)).hint).to.equal("quote the mode: mode: '0640'");
    expect(catchError(() => parseMode(1777)).hint).to.equal("quote the mode: mode: '1777'");
  });

  for (const bad of ['rwx', '0999', '12', 'u=rw,', 'z+x', '']) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      expect(catchError(() => parseMode(bad)).message).to.match(/is not a file mode/);
    });
  }

  it('formats modes as four octal digits', () => {
    expect([0o644, 0o4755, 0o7, 0o1777].map(formatMode)).to.deep.equal(['0644', '4755', '0007', '1777']);
  });
});

function catchError(fn: () => unknown): FerryError {
  try {
    fn();
  } catch (err) {
    if (err instanceof FerryError) return err;
    throw err;
  }
  throw new Error('expected a FerryError');
}
