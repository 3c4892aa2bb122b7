/** Queue-mode tests: the built package in real n8n with PostgreSQL, Redis, main and workers (see test/queue). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	testTimeout: 15 * 60_000,
	maxWorkers: 1,
};
