// The report layer's public surface: listeners the engine feeds, and the pure renderers they use.
export { banner, BANNER_WIDTH } from './banner.js';
export { colorEnabled, type MaybeTTY } from './colorEnabled.js';
export { ConsoleReporter, type ConsoleOptions } from './ConsoleReporter.js';
export { exitCodeOf } from './exitCodeOf.js';
export { EXIT } from './exitCodes.js';
export { fanOut } from './fanOut.js';
export { paletteFor, type Palette } from './palette.js';
export { recapLine, recapLines } from './recapLines.js';
export { countResult, emptyRecap, recapOf, RECAP_KEYS } from './recapOf.js';
export { renderDiff, type DiffInput } from './renderDiff.js';
export { ReportCollector, type ReportHeader } from './ReportCollector.js';
export { resultLines } from './resultLines.js';
export type * from './types.js';
export { writeReport } from './writeReport.js';
