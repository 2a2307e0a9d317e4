import type { ExecRequest, ExecResult, RemoteHost, WriteRequest } from '../../transport/types.js';

/** Where -vvv lines go: `<host> message`, masked by the console. */
export type TraceLine = (host: string, message: string) => void;

function byteLength(data: string | Buffer | undefined): number {
  return data === undefined ? 0 : typeof data === 'string' ? Buffer.byteLength(data) : data.length;
}

/** The script as -vvv shows it: each line indented under the EXEC line. */
function indented(script: string): string {
  return script.trimEnd().split('\n').map((l) => `    ${l}`).join('\n');
}

// -vvv shows every command run on a host (the script, with sudo when it becomes root), its exit status and duration,
// and every file written (path, mode, size: never content). Scripts carry no secrets by design; the console masks anyway.
export function tracedHost(host: RemoteHost, trace: TraceLine): RemoteHost {
  const exec = async (req: ExecRequest): Promise<ExecResult> => {
    const started = Date.now();
    const stdin = req.stdin === undefined ? '' : ` (stdin: ${byteLength(req.stdin)} bytes, not shown)`;
    trace(host.name, `EXEC${req.become ? ' (sudo)' : ''}${stdin}:\n${indented(req.script)}`);
    const result = await host.exec(req);
    trace(host.name, `rc=${result.rc} in ${Date.now() - started} ms`);
    return result;
  };
  const writeFile = async (req: WriteRequest): Promise<void> => {
    const mode = req.mode === undefined ? '' : `, mode ${req.mode.toString(8).padStart(4, '0')}`;
    trace(host.name, `WRITE ${req.path} (${byteLength(req.content)} bytes${mode}${req.become ? ', sudo' : ''})`);
    await host.writeFile(req);
  };
  return new Proxy(host, {
    get(target, key) {
      if (key === 'exec') return exec;
      if (key === 'writeFile') return writeFile;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
