import { assert } from './assert.js';
import { command } from './command.js';
import { copy } from './copy.js';
import { cronScript } from './cron_script/cronScript.js';
import { debug } from './debug.js';
import type { ModuleDef } from './defineModule.js';
import { envLine } from './env_line/envLine.js';
import { fail } from './fail.js';
import { file } from './file/file.js';
import { setFact } from './set_fact.js';
import { shell } from './shell.js';
import { user } from './user/user.js';
import { giteaUser } from './gitea_user/giteaUser.js';
import { tokenFile } from './token_file/tokenFile.js';
import { assertIdentity } from './assert_identity/assertIdentity.js';
import { tokenAudit } from './token_audit/tokenAudit.js';
import { giteaToken } from './gitea_token/giteaToken.js';
import { assertRecent } from './assert_recent/assertRecent.js';

// Every module ferry ships, by the name a task uses; the engine and `ferry doc` read this one map.
export const builtinModules: ReadonlyMap<string, ModuleDef> = new Map(
  ([command, shell, file, copy, debug, envLine, cronScript, user, setFact, assert, fail, giteaUser, tokenFile, assertIdentity, tokenAudit, giteaToken, assertRecent] as ModuleDef[]).map((m) => [m.name, m]),
);

/** Each module by itself, for callers that want one (specs, docs). */
export { assert, command, copy, cronScript, debug, envLine, file, shell, user, fail, setFact };
export { giteaUser, tokenFile, assertIdentity, tokenAudit, giteaToken, assertRecent };
export type { ModuleContext, ModuleDef, Plan, Change, ApplyResult } from './defineModule.js';
