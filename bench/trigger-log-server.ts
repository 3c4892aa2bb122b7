/**
 * A Capillary log with a backlog, for the trigger benchmark, in its own process (so the trigger's
 * memory is measured alone). Serves GET v2/events/logs and GET v2/organization/rejectedTransactions
 * like Capillary (the servers of test/trigger/hostile.ts, with no hostile switch on); GET /__count
 * returns how many API requests it answered. Prints `listening <port>` when ready.
 *   tsx bench/trigger-log-server.ts <events>
 */
import { EventsLog, HostileServer, RejectionList } from '../test/trigger/hostile';

const events = Number(process.argv[2] ?? 100_000);
const now = Date.now();
const start = now - 3 * 86_400_000;
const times = Array.from({ length: events }, (_, i) => start + Math.floor((i * (now - 60_000 - start)) / events));

const log = new EventsLog();
log.add(times);
const rejections = new RejectionList();
rejections.add(times.map((t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, '+00:00')));

void (async () => {
	let answered = 0;
	const server = await HostileServer.start(
		(r) => (r.path === '/__count' ? { body: { requests: answered } } : undefined),
		(r) => {
			answered++;
			return log.route(r) ?? rejections.route(r);
		},
	);
	process.stdout.write(`listening ${new URL(server.url).port} ${start}\n`);
})();
