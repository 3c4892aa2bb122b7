// n8n-core reads its user folder and instance settings at import; keep them in a temp dir.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-capillary-test-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
