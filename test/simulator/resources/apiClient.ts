/**
 * API client accounts (docs: _integrations.md). Clients live in `apiClients` by client key; a
 * created client is also registered with the simulator's OAuth service, so its key and secret
 * mint tokens, and deleting it (the docs' answer shows `isValid: false`) removes it there.
 * Replies are v3: `{data, errors: null}`; the secret appears only in the answer to create.
 */
import { randomBytes } from 'node:crypto';

import type { Json, JsonObject, Router, SimReply } from '../http';
import { bodyObject, ok, v3Error } from '../http';
import type { Simulator } from '../server';

export const SCOPES: JsonObject[] = [
	{ id: 1, entity: 'TargetGroups' },
	{ id: 2, entity: 'All' },
	{ id: 3, entity: 'Transaction' },
];

const PERMISSIONS = ['READ', 'READWRITE', 'WRITE'];

const creator = { id: 50006796, code: 'store.server', description: '', name: 'store.server', type: 'TILL' };

export function apiClients(sim: Simulator): Map<string, JsonObject> {
	return sim.state.collection('apiClients');
}

const stamp = () => new Date().toISOString().replace('Z', '+0000');

/** Checks the writable fields; `partial` (update) lets name and description be left out. */
function check(body: JsonObject, partial: boolean): SimReply | undefined {
	const blank = (key: string) => body[key] === undefined || body[key] === null || String(body[key]).trim() === '';
	for (const key of partial ? [] : ['name', 'description']) if (blank(key)) return v3Error(400, 400, `${key} is mandatory`);
	for (const key of ['expirationTokenTime', 'defaultTillId']) {
		if (blank(key)) return v3Error(400, 400, `${key} is mandatory`);
		if (!Number.isInteger(Number(body[key])) || Number(body[key]) <= 0) return v3Error(400, 400, `${key} must be a positive whole number`);
	}
	const scopes = body.scopes;
	if (!Array.isArray(scopes) || scopes.length === 0) return v3Error(400, 400, 'scopes is mandatory');
	for (const raw of scopes) {
		const scope = (raw ?? {}) as JsonObject;
		if (!SCOPES.some((s) => s.id === Number(scope.entityId))) return v3Error(400, 400, `Invalid scope entityId ${String(scope.entityId)}`);
		if (!PERMISSIONS.includes(String(scope.permission))) return v3Error(400, 400, `Invalid permission ${String(scope.permission)}`);
		if (scope.resources !== undefined && !Array.isArray(scope.resources)) return v3Error(400, 400, 'resources must be a list');
	}
	return undefined;
}

const scopesOf = (body: JsonObject): Json => (body.scopes as JsonObject[]).map((s) => ({ permission: String(s.permission), entityId: Number(s.entityId) }));

/** The client as GET shows it: no secret. */
function view(client: JsonObject): JsonObject {
	const { clientSecret: _secret, ...rest } = client;
	void _secret;
	return rest;
}

export function register(router: Router, sim: Simulator): void {
	router.get('/v3/integrations/scopes', () => ok({ data: SCOPES, errors: null }));

	router.post('/v3/integrations/clients', (req) => {
		const body = bodyObject(req);
		const problem = check(body, false);
		if (problem) return problem;
		if ([...apiClients(sim).values()].some((c) => c.isValid === true && String(c.name) === String(body.name))) return v3Error(400, 400, `Client ${String(body.name)} already exists`);
		const clientKey = randomBytes(18).toString('base64url').slice(0, 25);
		const clientSecret = randomBytes(30).toString('base64url').slice(0, 40);
		const now = stamp();
		const client: JsonObject = {
			id: 880 + apiClients(sim).size,
			attribution: { createdOn: now, lastUpdatedOn: now, lastUpdatedBy: creator, createdBy: creator },
			name: String(body.name),
			clientKey,
			clientSecret,
			isValid: true,
			description: String(body.description),
			expirationTokenTime: Number(body.expirationTokenTime),
			defaultTillId: Number(body.defaultTillId),
			scopes: scopesOf(body),
		};
		apiClients(sim).set(clientKey, client);
		sim.auth.config.clients.set(clientKey, clientSecret);
		return ok({ data: client, errors: null });
	});

	router.get('/v3/integrations/clients', () => {
		const data = [...apiClients(sim).values()].filter((c) => c.isValid === true).map((c) => {
			const { scopes: _scopes, ...rest } = view(c);
			void _scopes;
			return rest;
		});
		return ok({ data, errors: null });
	});

	const find = (key: string) => {
		const client = apiClients(sim).get(key.trim());
		return client && client.isValid === true ? client : undefined;
	};

	router.get('/v3/integrations/clients/:clientKey', (req) => {
		const client = find(req.params.clientKey);
		return client ? ok({ data: view(client), errors: null }) : v3Error(404, 404, `Client ${req.params.clientKey} not found`);
	});

	router.put('/v3/integrations/clients/:clientKey', (req) => {
		const client = find(req.params.clientKey);
		if (!client) return v3Error(404, 404, `Client ${req.params.clientKey} not found`);
		const body = bodyObject(req);
		const problem = check(body, true);
		if (problem) return problem;
		for (const key of ['name', 'description']) if (body[key] !== undefined && String(body[key]).trim() !== '') client[key] = String(body[key]);
		client.expirationTokenTime = Number(body.expirationTokenTime);
		client.defaultTillId = Number(body.defaultTillId);
		client.scopes = scopesOf(body);
		(client.attribution as JsonObject).lastUpdatedOn = stamp();
		return ok({ data: view(client), errors: null });
	});

	router.delete('/v3/integrations/clients/:clientKey', (req) => {
		const client = find(req.params.clientKey);
		if (!client) return v3Error(404, 404, `Client ${req.params.clientKey} not found`);
		client.isValid = false;
		sim.auth.config.clients.delete(String(client.clientKey));
		const { scopes: _scopes, ...rest } = view(client);
		void _scopes;
		return ok({ data: rest, errors: null });
	});
}
