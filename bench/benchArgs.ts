/** What `npm run bench` measures; every default is the issue's. */
export interface BenchArgs {
  sizes: number[];
  /** Repetitions of ferry and the floor at every size (medians need at least three). */
  reps: number;
  /** Repetitions of Ansible per size; sizes not listed fall back to `reps`. */
  ansibleReps: Map<number, number>;
  ansible: boolean;
  floor: boolean;
  /** Rebuild dist/ first, so the numbers are those of the sources in the tree. */
  build: boolean;
  out: string;
}

const USAGE = `usage: npm run bench -- [--sizes 1,10,50,200] [--reps 3] [--ansible-reps 50=1,200=1] [--no-ansible] [--no-floor] [--no-build] [--out FILE]`;

// A few flags, no dependency: the bench is a script run by hand, its argv small and fixed.
export function parseBenchArgs(argv: readonly string[], defaults: BenchArgs): BenchArgs {
  const args: BenchArgs = { ...defaults, ansibleReps: new Map(defaults.ansibleReps) };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--sizes') args.sizes = value().split(',').map((s) => positive(s, flag));
    else if (flag === '--reps') args.reps = positive(value(), flag);
    else if (flag === '--ansible-reps') args.ansibleReps = parseRepsBySize(value());
    else if (flag === '--no-ansible') args.ansible = false;
    else if (flag === '--no-floor') args.floor = false;
    else if (flag === '--no-build') args.build = false;
    else if (flag === '--out') args.out = value();
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return args;
}

/** `50=1,200=1`: Ansible's repetitions at the sizes where three would not fit the time the bench may take. */
function parseRepsBySize(text: string): Map<number, number> {
  return new Map(
    text.split(',').map((pair) => {
      const [size, reps] = pair.split('=');
      if (reps === undefined) throw new Error(`--ansible-reps wants SIZE=REPS pairs, got '${pair}'`);
      return [positive(size, '--ansible-reps'), Number(reps) === 0 ? 0 : positive(reps, '--ansible-reps')];
    }),
  );
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} wants whole numbers above 0, got '${text}'`);
  return n;
}
