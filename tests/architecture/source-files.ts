import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root, for the architecture tests' paths. */
export const ROOT = join(__dirname, '../..');

/** Every file below `dir` whose name `wanted` accepts (TypeScript by default), build output and packages left out. */
export function sourceFiles(dir: string, wanted: (name: string) => boolean = (name) => name.endsWith('.ts')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path, wanted);
    return wanted(name) ? [path] : [];
  });
}
