import type { PlayLayers, Vars } from './PlayLayers.js';

const own = (layer: Vars, name: string): boolean => Object.prototype.hasOwnProperty.call(layer, name);

// The names one task may read, as the engine's scope layers them: loop vars, magic and facts over -e, task vars,
// secrets, vars_files, play vars and inventory. It also finds the values a name may take, to check them in turn.
export class NameContext {
  constructor(
    private readonly play: PlayLayers,
    /** Block and task `vars:`, outermost first. */
    private readonly taskVars: readonly Vars[] = [],
    private readonly loopVars: ReadonlySet<string> = new Set(),
  ) {}

  /** This context with one more `vars:` layer and loop variables on top. */
  with(vars: Vars | undefined, loopVars: readonly string[] = []): NameContext {
    const layers = vars ? [...this.taskVars, vars] : this.taskVars;
    return new NameContext(this.play, layers, new Set([...this.loopVars, ...loopVars]));
  }

  get lenient(): boolean {
    return this.play.lenient;
  }

  has(name: string): boolean {
    return this.lenient || this.loopVars.has(name) || this.play.opaque.has(name) || this.layers().some((l) => own(l, name));
  }

  /** The values a name may hold that were written before the run (so may hold templates); none when only the run knows it. */
  valuesOf(name: string): unknown[] {
    if (this.loopVars.has(name)) return [];
    if (own(this.play.extraVars, name)) return [this.play.extraVars[name]];
    if (this.play.opaque.has(name)) return [];
    const task = [...this.taskVars].reverse().find((l) => own(l, name));
    if (task) return [task[name]];
    const files = this.play.varsFiles.filter((l) => own(l, name));
    if (files.length) return files.map((l) => l[name]);
    if (own(this.play.playVars, name)) return [this.play.playVars[name]];
    return this.play.inventory.filter((l) => own(l, name)).map((l) => l[name]);
  }

  /** Every known name, for a did-you-mean. */
  names(): string[] {
    const all = new Set([...this.loopVars, ...this.play.opaque]);
    for (const layer of this.layers()) for (const key of Object.keys(layer)) all.add(key);
    return [...all];
  }

  private layers(): Vars[] {
    const { extraVars, varsFiles, playVars, inventory } = this.play;
    return [extraVars, ...this.taskVars, ...varsFiles, playVars, ...inventory];
  }
}
