import { readFile } from 'node:fs/promises';
import ssh2, { Client, type ConnectConfig, type ServerHostKeyAlgorithm } from 'ssh2';
import { FerryError } from '../errors/FerryError.js';
import { DroppedHandshake, droppedBeforeLogin } from './DroppedHandshake.js';
import { hostKeyCheck } from './hostKeyCheck.js';
import type { KnownHostsStore } from './KnownHostsStore.js';
import type { ConnectionSpec, HostKeyPolicy } from './types.js';
import { DEFAULT_CONNECT_TIMEOUT, unreachableReason } from './unreachableReason.js';

const { utils } = ssh2;

/** A connected client and how to learn that it broke later. */
export interface OpenedClient {
  client: Client;
  /** Set once the connection failed or closed after the handshake. */
  broken(): FerryError | undefined;
}

/** Handshake algorithms to ask for first, given the key types known_hosts holds for the host. */
const HOST_KEY_ALGORITHMS: Record<string, ServerHostKeyAlgorithm[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
};

// One handshake: host key checked against known_hosts, key file (or agent) auth, one permanent error listener.
export async function openClient(spec: ConnectionSpec, store: KnownHostsStore, policy: HostKeyPolicy): Promise<OpenedClient> {
  const auth = await authConfig(spec);
  const check = hostKeyCheck(store, policy, spec);
  const preferred = (await store.keyTypes(spec.address, spec.port)).flatMap((t) => HOST_KEY_ALGORITHMS[t] ?? []);
  const config: ConnectConfig = {
    host: spec.address,
    port: spec.port,
    username: spec.user,
    readyTimeout: (spec.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT) * 1000,
    keepaliveInterval: 15000,
    keepaliveCountMax: 4,
    hostVerifier: check.verifier,
    ...auth,
  };
  if (preferred.length > 0) {
    // ssh2's prepend skips algorithms already listed, so move them: remove, then prepend (keys run in this order).
    config.algorithms = { serverHostKey: { remove: preferred, prepend: preferred, append: [] } };
  }
  const client = new Client();
  let ready = false;
  let broken: FerryError | undefined;
  return new Promise<OpenedClient>((resolve, reject) => {
    const failHandshake = (err: unknown): void => {
      const refusedKey = check.failure();
      if (refusedKey) return reject(refusedKey);
      const why = unreachableReason(err, spec);
      reject(droppedBeforeLogin(err) && why.code === 'UNREACHABLE' ? new DroppedHandshake(why.code, why.message, why.where, why.hint) : why);
    };
    // The one listener for the client's whole life: a failed handshake can emit twice, a live one can drop later.
    client.on('error', (err: unknown) => {
      if (!ready) failHandshake(err);
      else broken ??= lost(spec, err);
    });
    client.on('close', () => {
      if (!ready) failHandshake(new Error('connection closed during the handshake'));
      else broken ??= lost(spec, undefined);
    });
    // ssh2 leaves Nagle on: an exec is several small packets (open, exec, data, EOF), and each waited for the host's
    // delayed ACK, about 40 ms per round trip. With TCP_NODELAY an exec takes ~4 ms instead of ~45 (measured).
    client.once('connect', () => client.setNoDelay(true));
    client.once('ready', () => {
      ready = true;
      resolve({ client, broken: () => broken });
    });
    try {
      client.connect(config);
    } catch (err) {
      failHandshake(err);
    }
  });
}

function lost(spec: ConnectionSpec, err: unknown): FerryError {
  const why = err instanceof Error ? `: ${err.message.split('\n')[0]}` : '';
  return new FerryError('UNREACHABLE', `connection to ${spec.address}:${spec.port} lost${why}`, { host: spec.name }, 'check the host and the network, then run again');
}

// The key is read and checked here, so a wrong path or passphrase is a clear AUTH error and no key text reaches a message.
async function authConfig(spec: ConnectionSpec): Promise<Pick<ConnectConfig, 'privateKey' | 'passphrase' | 'agent'>> {
  const where = { host: spec.name };
  if (!spec.privateKeyFile) {
    if (spec.agent) return { agent: spec.agent };
    throw new FerryError('AUTH', `no private key and no ssh agent to log in as ${spec.user}`, where, 'set ansible_ssh_private_key_file, an IdentityFile in ~/.ssh/config, or start ssh-agent');
  }
  const file = spec.privateKeyFile;
  let privateKey: Buffer;
  try {
    privateKey = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new FerryError('AUTH', `cannot read private key ${file} (${code})`, where, 'check ansible_ssh_private_key_file');
  }
  const parsed = utils.parseKey(privateKey, spec.passphrase);
  if (parsed instanceof Error) {
    const encrypted = /encrypted|passphrase/i.test(parsed.message);
    const why = !encrypted ? 'is not a private key ssh2 can read' : spec.passphrase ? 'does not open with the given passphrase' : 'is encrypted';
    const hint = encrypted ? "give the key's passphrase, or load the key into ssh-agent" : 'use an OpenSSH or PEM private key file';
    throw new FerryError('AUTH', `private key ${file} ${why}`, where, hint);
  }
  return spec.passphrase === undefined ? { privateKey } : { privateKey, passphrase: spec.passphrase };
}
