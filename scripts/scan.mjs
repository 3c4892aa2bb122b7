#!/usr/bin/env node
/**
 * n8n's community-package scanner (@n8n/scan-community-package, the check n8n runs before it
 * verifies a package), run locally: on the tarball `npm pack` would publish, and on the node and
 * credential sources the way `n8n-node lint` sees them. Exit 1 on any violation.
 *
 *   npm run scan        (builds first)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'capillary-scan-'));
let failed = false;

async function scan(label, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	console.log(`${result.passed ? '✓' : '✗'} ${label}${result.message ? `: ${result.message}` : ''}`);
	if (!result.passed) {
		failed = true;
		if (result.details) console.log(result.details);
	}
}

try {
	// The same files users install: pack, unpack, scan everything in it.
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
	);
	const tarball = join(work, packed[0].filename);
	execFileSync('tar', ['-xzf', tarball, '-C', work]);
	console.log(`packed ${packed[0].filename}: ${packed[0].entryCount} files, ${(packed[0].size / 1024).toFixed(0)} KB`);
	await scan('published tarball (dist/, package.json)', join(work, 'package'));
	await scan('node and credential sources', root, SOURCE_FILE_PATTERNS);
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
