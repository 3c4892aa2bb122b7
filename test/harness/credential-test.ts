/**
 * What n8n does when a user clicks "Test" on a credential: run preAuthentication (always, for a
 * test), authenticate the credential's test request, send it, and apply the test rules.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { baseUrlOf } from '../../dist/credentials/CapillaryAuth';

export interface TestOutcome {
	status: 'OK' | 'Error';
	message?: string;
}

/** A minimal `helpers.httpRequest` with the options the package uses. */
export async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const url = new URL(String(options.url), String(options.baseURL ?? 'http://invalid'));
	for (const [k, v] of Object.entries((options.qs ?? {}) as IDataObject)) url.searchParams.set(k, String(v));
	const response = await fetch(url, {
		method: options.method ?? 'GET',
		headers: options.headers as Record<string, string>,
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// not JSON
	}
	if (!options.ignoreHttpStatusErrors && response.status >= 400) throw Object.assign(new Error(`HTTP ${response.status}`), { body });
	return options.returnFullResponse ? { statusCode: response.status, body, headers: Object.fromEntries(response.headers) } : body;
}

function get(object: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as IDataObject)[k] : undefined), object);
}

export async function testCredential(type: ICredentialType, data: ICredentialDataDecryptedObject): Promise<TestOutcome> {
	const credentials = { ...data };
	try {
		if (type.preAuthentication) Object.assign(credentials, await type.preAuthentication.call({ helpers: { httpRequest } } as never, credentials));
		const test = type.test!;
		let options: IHttpRequestOptions = { ...(test.request as IHttpRequestOptions), baseURL: baseUrlOf(credentials), url: String(test.request.url) };
		if (typeof type.authenticate === 'function') options = await type.authenticate(credentials, options);
		const response = (await httpRequest({ ...options, returnFullResponse: true, ignoreHttpStatusErrors: true })) as { statusCode: number; body: unknown };
		if (response.statusCode >= 400) {
			const message = String(get(response.body, 'response.status.message') ?? get(response.body, 'errors.0.message') ?? '');
			return { status: 'Error', message: `HTTP ${response.statusCode}${message ? `: ${message}` : ''}` };
		}
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseSuccessBody' && get(response.body, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		return { status: 'OK' };
	} catch (error) {
		const e = error as Error & { description?: string };
		return { status: 'Error', message: `${e.message}${e.description ? ` ${e.description}` : ''}` };
	}
}
