import { expect } from 'chai';
import { FerryError } from '../../lib/errors/FerryError.js';
import { Scope, type Vars } from '../../lib/template/index.js';

/** Variables the template tables read. */
export const VARS: Vars = {
  n: 7,
  f: 2.5,
  zero: 0,
  s: 'Hello',
  empty: '',
  yes: true,
  no: false,
  nothing: null,
  list: [3, 1, 2],
  names: ['bob', 'Alice', 'carol'],
  user: { login: 'bob', token: 'tok-123', groups: ['ops', 'dev'], home: '/home/bob' },
  users: [
    { name: 'bob', uid: 1001, admin: true },
    { name: 'alice', uid: 1000, admin: false },
  ],
  inventory_hostname: 'web1',
  hostvars: { web1: { port: 22 }, db1: { port: 2222 } },
  greeting: 'Hi {{ user.login }}',
  port_plus: '{{ hostvars[inventory_hostname].port + 1 }}',
};

export function scope(extra: Vars = {}): Scope {
  return new Scope([VARS, extra]);
}

/** The FerryError a call throws; fails the spec when it throws nothing or something else. */
export function ferryError(fn: () => unknown): FerryError {
  try {
    fn();
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(FerryError);
    return error as FerryError;
  }
  expect.fail('expected a FerryError, got a value');
}
