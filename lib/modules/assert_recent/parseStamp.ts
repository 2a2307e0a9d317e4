/** The parts of an ISO 8601 timestamp as ISO_STAMP_ERE finds it. */
const STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

// Pure: seconds since the epoch of a log timestamp; one written without a zone is in the host's local time (`hostOffset`,
// as `date +%z` prints it), which is what a cron script's `date` writes. Undefined for no valid date.
export function parseStamp(stamp: string, hostOffset: string): number | undefined {
  const m = STAMP.exec(stamp.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', , zone] = m;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(local);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const offset = offsetSeconds(zone ?? hostOffset);
  if (offset === undefined) return undefined;
  return Math.floor(local / 1000) - offset;
}

/** `Z`, `+02`, `+0200`, `-05:30` in seconds east of UTC. */
function offsetSeconds(zone: string): number | undefined {
  if (zone === 'Z' || zone === '') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const seconds = Number(m[2]) * 3600 + Number(m[3] ?? '0') * 60;
  return m[1] === '-' ? -seconds : seconds;
}
