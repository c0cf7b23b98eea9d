// Times in the city's time zone without a library: Intl knows every zone's offsets. Pages show and
// take local times; the API takes ISO 8601 with the offset in force then.

/** The offset of `zone` from UTC at the instant `ms`, in minutes. */
export function offsetAt(zone, ms) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60000);
}

/**
 * A local date-time typed in the city ("2026-12-01T10:00") as ISO 8601 with the zone's offset then
 * ("2026-12-01T10:00:00-07:00"). In the spring-forward gap the offset after the gap is used.
 */
export function zonedIso(local, zone) {
  const [date, time] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const offset = offsetAt(zone, guess - offsetAt(zone, guess) * 60000);
  const pad = (n) => String(n).padStart(2, '0');
  const abs = Math.abs(offset);
  return date + 'T' + pad(hh) + ':' + pad(mm) + ':00' + (offset < 0 ? '-' : '+') + pad(Math.floor(abs / 60)) + ':' + pad(abs % 60);
}

/** A stored instant as the city's local "YYYY-MM-DDTHH:MM", for a datetime-local field. */
export function localValue(iso, zone) {
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) {
    return '';
  }
  return new Date(ms + offsetAt(zone, ms) * 60000).toISOString().slice(0, 16);
}
