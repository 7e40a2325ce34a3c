import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const major = (v: string) => Number(/(\d+)/.exec(v)![1]);

// The machines carry an older Node; the `node` package from npm is what npm scripts run.
describe('runtime', () => {
  it('runs on the Node.js LTS that package.json brings, not the machine’s own', () => {
    expect(major(pkg.engines.node)).toBeGreaterThanOrEqual(24);
    expect(major(pkg.dependencies.node!)).toBe(major(pkg.engines.node));
    expect(major(process.versions.node)).toBeGreaterThanOrEqual(major(pkg.engines.node));
    expect(major(pkg.devDependencies['@types/node']!)).toBe(major(pkg.dependencies.node!));
  });
});
