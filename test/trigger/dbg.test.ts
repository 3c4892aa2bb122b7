import { HostileServer, RejectionList, TriggerSession } from './hostile';
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);
const spread = (count: number, from: number, to: number) => Array.from({ length: count }, (_, i) => from + Math.floor((i * (to - from)) / count));
it('dbg', async () => {
  const list = new RejectionList();
  const server = await HostileServer.start(list.route);
  server.clock = () => T0;
  const start = T0 - 3 * 24 * 60 * MINUTE;
  list.add(spread(30_000, start, T0 - MINUTE).map((t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, '+00:00')));
  const session = new TriggerSession(server, { event: 'rejectedTransaction', options: { timeZone: 'UTC', emitSince: new Date(start).toISOString(), maxEvents: 2000 } });
  for (let i = 0; i < 5; i++) {
    server.requests.length = 0;
    const r = await session.poll();
    const c = JSON.parse(session.stored)['node:Capillary Trigger'].cursor;
    console.log(r.error?.message, r.items?.length, c.floor - T0, JSON.stringify(c.resume), server.requests.length, server.requests.slice(0, 5).map(q => `${q.query.startDate} ${q.query.offset}`).join(' | '));
  }
  await server.close();
});
