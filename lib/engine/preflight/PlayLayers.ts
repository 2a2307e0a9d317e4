/** Variables by name, as YAML gives them: values may hold templates. */
export type Vars = Record<string, unknown>;

// What a play's tasks can read before any host is contacted, by source, for the load-time variable check.
export interface PlayLayers {
  /** Names whose values only exist at run time (magic vars, registered and set_fact results, secrets). */
  opaque: ReadonlySet<string>;
  /** -e values: the highest precedence there is. */
  extraVars: Vars;
  /** Each host's vars_files data (static and templated), highest precedence first among the play's own. */
  varsFiles: Vars[];
  playVars: Vars;
  /** Each of the play's hosts' inventory vars. */
  inventory: Vars[];
  /** Names cannot be judged: the play has no host (nothing of it runs), or a vars file it needs is missing (already reported). */
  lenient: boolean;
}
