/** The README's operations table is generated from the built node; this fails when it is stale. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readmeWithTable } from '../scripts/operations-table';

it('README lists every resource and operation of the built node (run `npm run docs`)', () => {
	const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
	expect(readme).toBe(readmeWithTable(readme));
});
