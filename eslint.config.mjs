// Lint = n8n's verification rules: eslint-plugin-n8n-nodes-base (community, credentials, nodes)
// and @n8n/eslint-plugin-community-nodes (recommended). Both must report zero errors.
import tseslint from 'typescript-eslint';
import jsoncParser from 'jsonc-eslint-parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

const n8nBase = (config) => ({ plugins: { 'n8n-nodes-base': n8nNodesBase }, rules: config.rules });

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test/**', 'bench/**', 'scripts/**', 'eslint.config.mjs', 'gulpfile.js', 'jest.config.js'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
	},
	{ files: ['package.json'], languageOptions: { parser: jsoncParser }, ...n8nBase(n8nNodesBase.configs.community) },
	{
		files: ['credentials/**/*.ts'],
		...n8nBase(n8nNodesBase.configs.credentials),
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			// Main-repository conventions (doc slugs), switched off for community packages as n8n-nodes-starter does;
			// @n8n/community-nodes/credential-documentation-url checks the URL instead.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{ files: ['nodes/**/*.ts'], ...n8nBase(n8nNodesBase.configs.nodes) },
	{
		files: ['nodes/**/*.ts'],
		rules: {
			// These two want the string 'main'; @n8n/community-nodes/node-connection-type-literal (newer, what the
			// verification scanner runs) wants NodeConnectionTypes.Main. The rule sets contradict; the newer one wins.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{ files: ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts'], ...communityNodes.configs.recommended },
];
