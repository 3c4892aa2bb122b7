/**
 * Capillary's OTP quota: 10 per customer per day, then 429 "… per day". Retrying within minutes
 * cannot help, so the node reports it at once: exactly one request for the refused item.
 */
import { useCapillary } from '../harness/fixtures';
import { otps } from '../simulator/resources/otp';

const TOM_MOBILE = '919111111111';
const generate = {
	resource: 'otp',
	operation: 'generate',
	entityType: 'MOBILE',
	entityValue: '={{ $json.mobile }}',
	action: 'POINTS',
	channels: { channel: [{ type: 'SMS', value: '' }] },
};

describe('otp: daily quota', () => {
	const capillary = useCapillary();

	it('answers the 11th generate of a day with 429 and sends it only once', async () => {
		const sim = capillary.sim;
		sim.clearRequests();
		const items = Array.from({ length: 11 }, () => ({ mobile: TOM_MOBILE }));
		const started = Date.now();
		const result = await capillary.run({ ...generate, requestOptions: { maxConcurrency: 1, retryDelay: 200 } }, { items, continueOnFail: true });
		const generated = sim.apiRequests().filter((r) => r.path === '/v2/otp/generate');
		expect(generated).toHaveLength(11);
		expect(generated.map((r) => r.status)).toEqual([...Array(10).fill(200), 429]);
		expect(result.items).toHaveLength(11);
		expect(result.json.slice(0, 10).every((j) => typeof j.createdId === 'number')).toBe(true);
		expect(String(result.json[10].error)).toMatch(/429.*per day/);
		expect(otps(sim.state).size).toBe(10);
		expect(Date.now() - started).toBeLessThan(10_000);
	});

	it('fails the node on the 11th without retries when Continue On Fail is off', async () => {
		const sim = capillary.sim;
		for (let i = 0; i < 10; i++) await capillary.run(generate, { items: [{ mobile: TOM_MOBILE }] });
		sim.clearRequests();
		const result = await capillary.run(generate, { items: [{ mobile: TOM_MOBILE }] });
		expect(result.error?.message).toMatch(/Capillary error 429: .*per day/);
		expect(result.error?.httpCode).toBe('429');
		expect(sim.apiRequests()).toHaveLength(1);
	});
});
