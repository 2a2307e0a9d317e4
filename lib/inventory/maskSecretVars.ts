/** What a masked value reads as. */
export const MASK = '********';

const SECRET_NAME = /password|passwd|secret|token|private_key_passphrase|(^|_)pass$/i;

/** A variable whose name says it holds a secret (ansible_ssh_pass, ansible_become_password, db_token …). */
export function isSecretVarName(name: string): boolean {
  return SECRET_NAME.test(name);
}

// Inventory listings are pasted into tickets and chats: every secret-looking variable, at any depth, is masked.
export function maskSecretVars(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecretVars);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) out[name] = isSecretVarName(name) ? MASK : maskSecretVars(v);
  return out;
}
