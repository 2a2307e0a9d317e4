// ferry's version, reported in --version and every JSON report.
export const VERSION = '0.1.0';
