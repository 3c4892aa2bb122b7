import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { CaseFile, ErrorCase, OperationCase } from './case';

/** Every `cases/*.cases.ts` file; adding a resource's cases needs no registration. */
export function loadCaseFiles(): Array<{ file: string; cases: OperationCase[]; errors: ErrorCase[] }> {
	const dir = join(__dirname, 'cases');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.cases.ts'))
		.sort()
		.map((file) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const mod = require(join(dir, file)) as CaseFile;
			return { file, cases: mod.cases ?? [], errors: mod.errors ?? [] };
		});
}
