/** The generated reference pages come from the built nodes; this fails when one is stale. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PAGES } from '../scripts/operations-table';

describe('generated docs pages (run `npm run docs` when this fails)', () => {
	for (const [file, page] of Object.entries(PAGES)) {
		it(`${file} matches the built package`, () => {
			expect(readFileSync(join(__dirname, '..', file), 'utf8')).toBe(page());
		});
	}
});
