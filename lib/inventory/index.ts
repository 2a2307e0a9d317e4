// The inventory's public face: load it, pick hosts by pattern, read connection settings, show it.
export { loadInventory, type LoadInventoryOptions } from './loadInventory.js';
export { selectHosts } from './selectHosts.js';
export { applyLimit } from './applyLimit.js';
export { connectionVarsOf, type ConnectionVars } from './connectionVarsOf.js';
export { CONNECTION_VAR_NAMES } from './connectionVarNames.js';
export { inventoryListing, type InventoryListing, type ListedGroup } from './inventoryListing.js';
export { inventoryGraph } from './inventoryGraph.js';
export { isSecretVarName, maskSecretVars, MASK } from './maskSecretVars.js';
export { expandHostRange } from './expandHostRange.js';
export type * from './types.js';
