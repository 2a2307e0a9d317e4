// Preloaded into the measured ferry process (node --import): writes its peak resident set size in bytes when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.FERRY_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
