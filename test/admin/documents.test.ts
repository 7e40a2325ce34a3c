import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run typecheck` starts with `npm run codegen -- --check`, which validates every GraphQL document
 * of admin/src against schema.graphql and compares admin/src/gql/ with what it would generate. This runs
 * that same step on a copy of the back office: unchanged it passes; with a field the schema lacks it fails.
 */
const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);
let copy: string;

async function codegenCheck(): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/graphql-codegen'), ['--config', 'admin/codegen.ts', '--check', '--errors-only'], {
      cwd: copy,
      // Under NODE_ENV=test codegen prints only that something failed, not what.
      env: { ...process.env, NODE_ENV: 'development' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'angsur-codegen-'));
  fs.cpSync(path.join(root, 'admin/src'), path.join(copy, 'admin/src'), { recursive: true });
  fs.copyFileSync(path.join(root, 'admin/codegen.ts'), path.join(copy, 'admin/codegen.ts'));
  fs.copyFileSync(path.join(root, 'schema.graphql'), path.join(copy, 'schema.graphql'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

describe('admin documents are checked against schema.graphql at type-check time', () => {
  it('passes on the documents as committed (and admin/src/gql/ is fresh)', async () => {
    const result = await codegenCheck();
    expect(result.output).not.toMatch(/FAILED|✖/);
    expect(result.code).toBe(0);
  });

  /** Adds a field the schema lacks to one document of the copy, runs the check, puts the file back. */
  async function withUnknownField(relative: string, from: string, to: string, field: string) {
    const file = path.join(copy, relative);
    const source = fs.readFileSync(file, 'utf8');
    const broken = source.replace(from, to);
    expect(broken).not.toBe(source);
    fs.writeFileSync(file, broken);
    try {
      const result = await codegenCheck();
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(field);
    } finally {
      fs.writeFileSync(file, source);
    }
  }

  it('fails when a document asks for a field the schema lacks', async () => {
    await withUnknownField('admin/src/orders/api.ts', '{ arrearsAmount daysLate waLink }', '{ arrearsAmount daysLate waLink noSuchField }', 'noSuchField');
  });

  it('fails when a sign-in document (sent without Apollo) asks for a field the schema lacks', async () => {
    await withUnknownField('admin/src/auth/session.ts', 'refreshTokenExpiresAt user {', 'refreshTokenExpiresAt noSuchSessionField user {', 'noSuchSessionField');
  });

  it('has no GraphQL operation written as a plain string, which codegen would not see', () => {
    const plain: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'gql') walk(full);
        } else if (/\.tsx?$/.test(entry.name)) {
          const text = fs.readFileSync(full, 'utf8');
          // A template or quoted string that starts an operation, not preceded by the gql tag or graphql( call.
          for (const m of text.matchAll(/(gql|graphql\()?\s*[`'"]\s*(query|mutation|subscription|fragment)\b\s*\w*\s*[({]/g)) {
            if (!m[1]) plain.push(`${path.relative(root, full)}: ${m[0].trim()}`);
          }
        }
      }
    };
    walk(path.join(root, 'admin/src'));
    expect(plain).toEqual([]);
  });
});
