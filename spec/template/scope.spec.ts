import { expect } from 'chai';
import { evaluate, literal, literalVars, renderValue, Scope, type Vars } from '../../lib/template/index.js';
import { ferryError } from './fixtures.js';

describe('template: Scope', () => {
  it('reads the highest layer that defines a name', () => {
    const scope = new Scope([{ a: 'inventory', b: 'inventory' }, { a: 'play' }, { c: 'extra' }]);
    expect([scope.get('a'), scope.get('b'), scope.get('c')]).to.deep.equal(['play', 'inventory', 'extra']);
    expect(scope.has('b')).to.equal(true);
    expect(scope.has('z')).to.equal(false);
    expect(scope.names()).to.deep.equal(['a', 'b', 'c']);
  });

  it('renders a value on read, in the scope that reads it, so a child override reaches parent templates', () => {
    const parent = new Scope([{ url: 'https://{{ host }}/api', host: 'a.example' }]);
    const child = parent.child({ host: 'b.example' });
    expect(child.get('url')).to.equal('https://b.example/api');
    expect(parent.get('url')).to.equal('https://a.example/api');
  });

  it('renders nested values deeply and keeps native types', () => {
    const scope = new Scope([{ ports: [22, 80], cfg: { list: '{{ ports }}', first: '{{ ports[0] }}', text: 'p={{ ports[1] }}' } }]);
    expect(scope.get('cfg')).to.deep.equal({ list: [22, 80], first: 22, text: 'p=80' });
  });

  it('never renders a value nobody reads', () => {
    const scope = new Scope([{ broken: '{{ nowhere }}', fine: 'ok' }]);
    expect(scope.get('fine')).to.equal('ok');
    expect(ferryError(() => scope.get('broken')).code).to.equal('UNDEFINED_VAR');
  });

  it('renders each variable once per scope', () => {
    let reads = 0;
    const layer: Vars = {};
    Object.defineProperty(layer, 'counted', { enumerable: true, get: () => `{{ ${++reads} }}` });
    const scope = new Scope([layer]);
    expect([scope.get('counted'), scope.get('counted'), evaluate('counted + 0', scope)]).to.deep.equal([1, 1, 1]);
    expect(reads).to.equal(1);
  });

  it('get() of a missing name is UNDEFINED_VAR with a did-you-mean', () => {
    const error = ferryError(() => new Scope([{ api_token: 'x' }]).get('api_tokn'));
    expect(error.code).to.equal('UNDEFINED_VAR');
    expect(error.message).to.equal("'api_tokn' is undefined");
    expect(error.hint).to.equal("did you mean 'api_token'?");
  });

  it('gives literal() values back unrendered', () => {
    const scope = new Scope([{ password: literal('a{{b}}c'), copy: '{{ password }}' }]);
    expect(scope.get('password')).to.equal('a{{b}}c');
    expect(scope.get('copy')).to.equal('a{{b}}c');
  });

  it('literalVars() keeps a whole layer (secrets, registered output) verbatim', () => {
    const registered = { stdout: 'Hello {{ world }}', rc: 0 };
    const scope = new Scope([{ n: '{{ 1 + 1 }}' }, literalVars({ out: registered, secret: '{{ x' })]);
    expect(evaluate('out.stdout', scope)).to.equal('Hello {{ world }}');
    expect(evaluate('secret ~ n', scope)).to.equal('{{ x2');
  });

  it('toObject() gives a view whose properties render on first read', () => {
    const scope = new Scope([{ a: '{{ b }}', b: 2, broken: '{{ nowhere }}' }]);
    const view = scope.toObject();
    expect(Object.keys(view)).to.deep.equal(['a', 'b', 'broken']);
    expect(view.a).to.equal(2);
    expect(() => view.broken).to.throw(/'nowhere' is undefined/);
  });

  it('serves hostvars-like views to other scopes without rendering them whole', () => {
    const web = new Scope([{ port: '{{ base + 1 }}', base: 2000, broken: '{{ nowhere }}' }]);
    const hostvars = { web: web.toObject() };
    const db = new Scope([{ hostvars, upstream: "{{ hostvars['web'].port }}" }]);
    expect(db.get('upstream')).to.equal(2001);
    expect(renderValue('{{ hostvars.web.base }}', db)).to.equal(2000);
  });
});

describe('template: recursive variables', () => {
  const CASES: Array<[string, Vars, string, string]> = [
    ['itself', { a: '{{ a }}' }, 'a', 'recursive variable: a -> a'],
    ['a pair', { a: '{{ b }}', b: '{{ a }}' }, 'a', 'recursive variable: a -> b -> a'],
    ['a ring of three', { a: 'x{{ b }}', b: '{{ c }}', c: '{{ a | upper }}' }, 'b', 'recursive variable: b -> c -> a -> b'],
    ['inside its own data', { cfg: { x: '{{ cfg.y }}', y: 1 } }, 'cfg', 'recursive variable: cfg -> cfg'],
    ['under a default', { a: '{{ a | default(1) }}' }, 'a', 'recursive variable: a -> a'],
  ];
  for (const [label, vars, name, message] of CASES) {
    it(`${label}: a TEMPLATE error naming the cycle`, () => {
      const error = ferryError(() => evaluate(name, new Scope([vars]), { file: 'vars.yml', line: 1, col: 1 }));
      expect(error.code).to.equal('TEMPLATE');
      expect(error.message).to.equal(message);
      expect(error.where).to.deep.equal({ file: 'vars.yml', line: 1, col: 1 });
    });
  }

  it('through hostvars views of two scopes', () => {
    const views: Record<string, Vars> = {};
    const a = new Scope([{ x: "{{ hostvars['b'].y }}", hostvars: views }]);
    const b = new Scope([{ y: "{{ hostvars['a'].x }}", hostvars: views }]);
    Object.assign(views, { a: a.toObject(), b: b.toObject() });
    expect(ferryError(() => a.get('x')).message).to.equal('recursive variable: x -> y -> x');
  });

  it('through views rebuilt on every read (no shared scope instance)', () => {
    const hostvars: Vars = {};
    const scopeOf = (name: string): Scope => new Scope([{ hostvars, v: `{{ hostvars['${name === 'a' ? 'b' : 'a'}'].v }}` }]);
    for (const name of ['a', 'b']) Object.defineProperty(hostvars, name, { enumerable: true, get: () => scopeOf(name).toObject() });
    const error = ferryError(() => scopeOf('a').get('v'));
    expect(error.code).to.equal('TEMPLATE');
    expect(error.message).to.match(/refer to each other more than 64 levels deep/);
  });

  it('a long but finite chain still renders', () => {
    const vars: Vars = { v0: 0 };
    for (let i = 1; i <= 40; i++) vars[`v${i}`] = `{{ v${i - 1} + 1 }}`;
    expect(new Scope([vars]).get('v40')).to.equal(40);
  });

  it('a chain past the limit is an error, not a stack overflow', () => {
    const vars: Vars = { v0: 0 };
    for (let i = 1; i <= 500; i++) vars[`v${i}`] = `{{ v${i - 1} }}`;
    expect(ferryError(() => new Scope([vars]).get('v500')).message).to.match(/more than 64 levels deep/);
  });
});
