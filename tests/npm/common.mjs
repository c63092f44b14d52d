// What the tests of pkg/ share: where things are, the command line, tsc.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const pkg = path.join(root, 'pkg');
export const tsc = path.join(here, 'node_modules', 'typescript', 'bin', 'tsc');

if (!fs.existsSync(path.join(pkg, 'package.json'))) {
  throw new Error('pkg/ is not built: run `make pkg` first');
}

/** The command line, as `make test-npm` built it (POLICY_COMPARE_BIN), or the release build. */
export const bin = process.env.POLICY_COMPARE_BIN || path.join(root, 'target', 'release', 'policy-compare');

/** Runs the command line in `cwd` and returns its standard output. */
export function cli(args, { cwd = os.tmpdir() } = {}) {
  return execFileSync(bin, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The command line's JSON for `args` (run away from the repository: the built-in bundle). */
export function cliJson(args) {
  return JSON.parse(cli([...args, '--format', 'json']));
}

/** A fresh temporary directory. */
export function scratch(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `policy-compare-${name}-`));
}

/** Runs tsc in `dir` (its tsconfig.json); fails with tsc's report. */
export function typecheck(dir) {
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    throw new Error(`tsc -p ${dir} failed:\n${e.stdout}${e.stderr}`);
  }
}
