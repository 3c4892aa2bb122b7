import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ANSWER_AS_IS, baseUrlOf } from '../../../credentials/CapillaryAuth';
import { unwrap } from '../shared/envelopes';
import { describeProblem, findProblem } from '../shared/errors';
import { labelOf } from '../shared/lookups';
import { parseBody } from '../shared/transport';

/**
 * Partner programs have no list endpoint of their own: they are listed inside each loyalty program
 * of `GET v2/organization/programs` (`data[].partnerPrograms[]`). These searches flatten them.
 */
function partnerProgramSearch(value: (partner: IDataObject) => string) {
	return async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const credentialType = this.getNodeParameter('authentication', 'basicAuth') === 'oAuth' ? 'capillaryOAuthApi' : 'capillaryApi';
		const credentials = await this.getCredentials(credentialType);
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
			method: 'GET',
			baseURL: baseUrlOf(credentials),
			url: '/v2/organization/programs',
			headers: { Accept: 'application/json' },
			...ANSWER_AS_IS,
		})) as { statusCode: number; body: unknown };
		const body = parseBody(response.body);
		const problem = findProblem('v2', response.statusCode, body);
		if (problem) {
			const { message, description } = describeProblem(problem, {});
			throw new NodeOperationError(this.getNode(), message, { description });
		}
		const needle = (filter ?? '').trim().toLowerCase();
		const seen = new Set<string>();
		const results: INodeListSearchItems[] = [];
		for (const program of unwrap('v2', body).entities) {
			const partners = Array.isArray(program.partnerPrograms) ? (program.partnerPrograms as IDataObject[]) : [];
			for (const partner of partners) {
				const id = value(partner);
				if (!id || seen.has(id)) continue;
				const type = labelOf(partner, 'partnerProgramType');
				const name = `${labelOf(partner, 'partnerProgramName')}${type ? ` (${type.toLowerCase()})` : ''} · ${labelOf(program, 'programName')}`;
				if (needle && !`${name} ${id}`.toLowerCase().includes(needle)) continue;
				seen.add(id);
				results.push({ name, value: id });
			}
		}
		return { results };
	};
}

/** List searches (dropdowns filled from Capillary) for the loyalty resources. */
export const loyaltySearch = {
	/** Partner programs by name (link, update and delink take the name). */
	searchPartnerPrograms: partnerProgramSearch((p) => labelOf(p, 'partnerProgramName')),
	/** Partner programs by ID (activity history takes the ID). */
	searchPartnerProgramIds: partnerProgramSearch((p) => labelOf(p, 'partnerProgramId')),
};
