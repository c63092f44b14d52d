// `npm pack` of pkg/ gives a tarball that installs into a new project and works there as
// the README says: `import { createComparer } from 'policy-compare'` in Node, the element
// entry importable (it registers nothing without a DOM), and the types found through the
// package's `exports` by tsc with Node's own module resolution.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { cliJson, pkg, root, scratch, typecheck } from './common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

test('npm_pack_makes_a_tarball_that_installs_and_imports', () => {
  const dir = scratch('pack');
  try {
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], pkg));
    const files = packed.files.map((f) => f.path).sort();
    assert.deepEqual(files, [
      'README.md', 'api.js', 'bundle.json', 'element.d.ts', 'element.js', 'index.d.ts', 'index.js', 'node.js',
      'package.json', 'policy_compare.d.ts', 'policy_compare.js', 'policy_compare_bg.wasm', 'policy_compare_bg.wasm.d.ts',
    ]);
    const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8').match(/^version = "(.*)"$/m)[1];
    assert.equal(packed.version, cargo, 'the package version is the crate version');
    console.log(`# ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked`);

    const app = path.join(dir, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    npm(['install', '--offline', path.join(dir, packed.filename)], app);

    fs.writeFileSync(
      path.join(app, 'main.js'),
      `import { createComparer } from 'policy-compare';
import 'policy-compare/element';
const pc = await createComparer();
const c = pc.compare('Jiangxi', 'henan', { theme: 'finance' });
process.stdout.write(JSON.stringify(c));
`,
    );
    const out = execFileSync(process.execPath, ['main.js'], { cwd: app, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.deepStrictEqual(
      JSON.parse(out),
      cliJson(['compare', '--left', 'jiangxi', '--right', 'henan', '--theme', 'finance']),
    );

    // The README's example, as a reader would paste it.
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const example = readme.split('<!-- example: library')[1].split('```js\n')[1].split('```')[0];
    fs.writeFileSync(path.join(app, 'try.mjs'), example);
    const printed = execFileSync(process.execPath, ['try.mjs'], { cwd: app, encoding: 'utf8' });
    assert.match(printed, /^henan 河南: 2 documents$/m);
    assert.match(printed, /^\d+ targets in all plans$/m);
    assert.match(printed, /^right: unknown region "atlantis"; valid regions: national, /m);

    // TypeScript finds the types through package.json's `exports`.
    fs.copyFileSync(path.join(here, 'types', 'usage.ts'), path.join(app, 'usage.ts'));
    fs.writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          lib: ['es2022', 'dom'],
          strict: true,
          noEmit: true,
          types: [],
        },
        include: ['usage.ts'],
      }),
    );
    typecheck(app);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});
