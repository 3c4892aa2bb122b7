/**
 * Capillary timestamps come as epoch milliseconds or seconds, ISO strings with an offset
 * (`2023-05-15T11:33:02+05:30`), or local times without one (`2022-02-14 18:30:59.0`, read in the
 * org's time zone). The trigger compares instants, never strings, and writes date filters in the
 * format each endpoint expects.
 */

/** `yyyy-MM-dd[ HH:mm[:ss[.SSS]]]` (also with `/`, one-digit fields, Capillary's `HH:mm::`), then an optional zone. */
const LOCAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})?(?:\.(\d{1,9}))?)?)?\s*:?(Z|UTC|GMT|IST|[+-]\d{2}:?\d{2})?(?:\[[^\]]+\])?$/i;
/** Capillary's servers write India Standard Time as "IST" (never Irish or Israel time). */
const ZONES: Record<string, number> = { Z: 0, UTC: 0, GMT: 0, IST: 330 };

/** Offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds. */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

const HOUR = 3_600_000;

/**
 * A wall-clock time in `timeZone` → epoch milliseconds. A time that occurs twice (the repeated
 * hour when clocks go back) is read as its LATER occurrence: an event of the first occurrence then
 * looks up to an hour in the future, which the trigger handles like any future-dated event
 * (emitted once, the cursor does not jump). Read as the earlier one, an event of the second
 * occurrence would look an hour late and fall behind the cursor. A time in the skipped hour
 * (clocks go forward) is read with the offset before the change.
 */
export function localToEpoch(fields: number[], timeZone: string): number {
	const [y, mo, d, h = 0, mi = 0, s = 0, ms = 0] = fields;
	const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
	const before = zoneOffsetMs(timeZone, wall - 14 * HOUR);
	const after = zoneOffsetMs(timeZone, wall + 14 * HOUR);
	const candidates = [wall - before, wall - after].filter((instant) => instant + zoneOffsetMs(timeZone, instant) === wall);
	if (candidates.length === 0) return wall - before;
	return candidates.length === 1 ? candidates[0] : Math.max(candidates[0], candidates[1]);
}

/** How far a local time near `epoch` can be misread because of a DST change (0 when none is near). */
export function ambiguityMs(epoch: number, timeZone: string): number {
	return Math.abs(zoneOffsetMs(timeZone, epoch - 26 * HOUR) - zoneOffsetMs(timeZone, epoch + 26 * HOUR));
}

/** Epoch milliseconds of a Capillary timestamp, or undefined when it is not one. */
export function toEpoch(value: unknown, timeZone: string): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value < 1e11 ? value * 1000 : value;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return toEpoch(Number(text), timeZone);
	const local = LOCAL.exec(text);
	if (local) {
		const fraction = local[7] ? Number(local[7].padEnd(3, '0').slice(0, 3)) : 0;
		const fields = local.slice(1, 7).map((v) => (v === undefined || v === '' ? 0 : Number(v)));
		const zone = local[8]?.toUpperCase();
		if (zone === undefined) return localToEpoch([...fields, fraction], timeZone);
		const [y, mo, d, h, mi, sec] = fields;
		const sign = zone.startsWith('-') ? -1 : 1;
		const minutes = zone in ZONES ? ZONES[zone] : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
		return Date.UTC(y, mo - 1, d, h, mi, sec, fraction) - minutes * 60_000;
	}
	// Other shapes only with an explicit zone (RFC 1123, Java's "Thu Sep 23 17:14:37 IST 2021"):
	// without one, Date.parse would read them in this process's zone, or "01-06-2024" as January 6.
	const java = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}:\d{2}:\d{2}) (UTC|GMT|IST) (\d{4})$/i.exec(text);
	if (java) {
		const parsed = Date.parse(`${java[2]} ${java[1]} ${java[5]} ${java[3]} GMT`);
		return Number.isFinite(parsed) ? parsed - ZONES[java[4].toUpperCase()] * 60_000 : undefined;
	}
	if (!/(\bGMT|\bUTC|Z|[+-]\d{2}:?\d{2})$/i.test(text)) return undefined;
	const parsed = Date.parse(text);
	return Number.isFinite(parsed) ? parsed : undefined;
}

function wallClock(epoch: number, timeZone: string) {
	const shifted = new Date(epoch + zoneOffsetMs(timeZone, epoch));
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	return {
		date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
		time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`,
		offsetMinutes: zoneOffsetMs(timeZone, epoch) / 60_000,
	};
}

/** `localIso`: `2024-11-03T01:30:00`, the org's wall clock without an offset. */
export type DateFormat = 'date' | 'dateTime' | 'iso' | 'localIso' | 'epochMs';

/** An instant in the format an endpoint's date filter expects, in the org's time zone. */
export function formatFor(epoch: number, format: DateFormat, timeZone: string): string {
	if (format === 'epochMs') return String(Math.floor(epoch));
	const { date, time, offsetMinutes } = wallClock(epoch, timeZone);
	if (format === 'date') return date;
	if (format === 'dateTime') return `${date} ${time}`;
	if (format === 'localIso') return `${date}T${time}`;
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return `${date}T${time}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
