import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const API_MAIN = resolve(ROOT, 'api/dist/api/src/main.js');
export const API_CLI = resolve(ROOT, 'api/dist/api/src/cli.js');
export const WEB_DIST = resolve(ROOT, 'web/dist/browser');
