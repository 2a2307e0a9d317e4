import { EXIT } from '../report/exitCodes.js';

// Ctrl-C or a TERM ends a run cleanly: connections close (a host lock goes with its connection), then exit 99 as Ansible does.
export function onInterrupt(close: () => Promise<void>, err: NodeJS.WritableStream = process.stderr): () => void {
  let closing = false;
  const handler = (signal: NodeJS.Signals): void => {
    // A second Ctrl-C does not wait for the connections.
    if (closing) process.exit(EXIT.INTERRUPTED);
    closing = true;
    err.write(`\nferry: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; closing connections. Files are old or new, never half written; run again to finish.\n`);
    void close().finally(() => process.exit(EXIT.INTERRUPTED));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
