import { describe, expect, it } from 'vitest';
import { readableSite } from '../../src/observer/sites.js';
import { readFileSync } from 'node:fs';
import { cli } from '../helpers/cli.js';

describe('creation sites as a person reads them', () => {
  it('names a file from the current folder, with its line', () => {
    expect(readableSite('file:///home/me/app/src/main.mjs:12:5', '/home/me/app')).toBe('src/main.mjs:12');
    expect(readableSite('/elsewhere/x.js:3:1', '/home/me/app')).toBe('/elsewhere/x.js:3');
  });

  it('names a module Node ran from memory by its file alone', () => {
    const site = `data:text/javascript,code?filePath=${encodeURIComponent('/home/me/app/job.ts')}:2:888`;
    expect(readableSite(site, '/home/me/app')).toBe('job.ts');
  });

  it("maps a built-in scenario's bundle line back to the scenario's own source line", () => {
    const { stdout } = cli(['--headless', '--json', '--scenario', 'futures']);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; site?: string });
    const sites = lines.filter((l) => l.type === 'site').map((l) => readableSite(String(l.site)));
    expect(sites[0]).toMatch(/^scenarios\/futures\.ts:\d+$/);
    const source = readFileSync(new URL('../../scenarios/futures.ts', import.meta.url), 'utf8').split('\n');
    expect(source[Number(sites[0]!.split(':')[1]) - 1]).toContain('createFuture');
  });
});
