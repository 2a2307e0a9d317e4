// Starts a lab and exits without stopping it: the lab's exit hook must leave nothing behind.
import { startLab } from '../support/lab/index.js';

const lab = await startLab({ count: 2 });
process.stdout.write(JSON.stringify({ dir: lab.dir, pids: lab.hosts.map((h) => h.sshdPid) }));
