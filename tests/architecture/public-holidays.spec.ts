import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

describe('the shipped table of public holidays', () => {
  it('is what its generator gives (nobody edited it by hand, nobody forgot to run it)', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/holidays/generate-public-holidays.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
