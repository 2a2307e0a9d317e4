// The SSH test lab: real OpenSSH hosts on loopback, each with private trees, for integration specs and the demo.
export { startLab } from './startLab.js';
export { processesMentioning, processState } from './procScan.js';
export { systemSsh, type SystemSshResult } from './systemSsh.js';
export { DEFAULT_MOUNTS, LAB_PORT, LAB_USER } from './defaultMounts.js';
export type { ExecveTrace, HashTreeOptions, InventoryVars, Lab, LabHost, LabOptions } from './types.js';
