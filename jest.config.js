/** Tests run the built package (dist/) through n8n's real engine against the local simulator. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	setupFiles: ['<rootDir>/test/harness/setup.ts'],
	testTimeout: 30000,
	maxWorkers: 2,
};
