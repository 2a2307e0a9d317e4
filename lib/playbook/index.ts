// The playbook loader's public face: load a playbook, and the pieces other loaders reuse.
export { loadPlaybook, type LoadPlaybookOptions } from './loadPlaybook.js';
export { parseYamlSource, MAX_ALIAS_COUNT } from './parseYamlSource.js';
export { readSourceText, type SourceText } from './readSourceText.js';
export { YamlSource, type PathSeg } from './YamlSource.js';
export { Problems } from './Problems.js';
export { didYouMean, nearestName, editDistance } from './didYouMean.js';
export { playSchema, PLAY_KEYS } from './playSchema.js';
export { taskSchema, TASK_KEYWORDS } from './taskSchema.js';
export type * from './types.js';
