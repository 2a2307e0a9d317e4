// The build leaves dist/cli.js without its execute bit; npx and a direct call both need it.
import { chmodSync } from 'node:fs';
chmodSync(new URL('../../dist/cli.js', import.meta.url), 0o755);
