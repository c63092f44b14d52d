// The API as a TypeScript user writes it: this file must type-check (strict) against the
// package's types, both from pkg/ (tsconfig.json here) and from the package installed by
// npm (pack.test.mjs).

import { createComparer } from 'policy-compare';
import type { Block, Comparison, MetricRow, Pair, Span, Target, ThemeId } from 'policy-compare';
import 'policy-compare/element';

export async function tour(bundleText?: string): Promise<string[]> {
  const pc = await createComparer(bundleText);
  const lines: string[] = [];

  for (const region of pc.regions()) {
    lines.push(`${region.id} ${region.zh} ${region.documents} documents, parent ${region.parent ?? '—'}`);
  }
  const themes: ThemeId[] = pc.themes().map((t) => t.id);
  for (const doc of pc.documents('henan')) {
    lines.push(`${doc.published} ${doc.title} ${doc.doc_number ?? ''}`);
  }

  const c: Comparison = pc.compare('jiangxi', 'henan', { theme: themes[3] });
  for (const block of c.blocks) {
    lines.push(describe(block, c));
  }
  const pair: Pair | undefined = c.pairs[0];
  if (pair) {
    const shared: Span[] = pair.marks.right.filter((s) => s.kind === 'shared' || s.kind === 'reused');
    lines.push(`${pair.score.toFixed(2)} ${shared.map((s) => s.text).join('、')} ${pair.left.boilerplate ?? ''}`);
  }
  lines.push(`${c.counts.pairs} pairs, ${c.counts.left_only} only left; theme ${c.theme ?? 'all'}`);

  const table = pc.targets('henan', 'chengdu', { theme: 'all' });
  for (const group of table.groups) {
    for (const row of group.rows) {
      const side: Target | null = row.left ?? row.right;
      lines.push(`${group.theme ?? '—'} ${side?.indicator} ${side?.normalized?.unit ?? ''} ${row.similarity}`);
    }
  }

  const rows: MetricRow[] = pc.metrics('all', { kind: 'target' });
  lines.push(...rows.map((m) => `${m.region} ${m.title} ${m.value}${m.value_max ? `–${m.value_max}` : ''}${m.unit} ${m.comparator ?? ''} ${m.year ?? ''}`));
  pc.free();

  const el = document.querySelector('policy-compare');
  if (el) {
    lines.push(`drawn ${el.renders} times`);
  }
  return lines;
}

function describe(block: Block, c: Comparison): string {
  switch (block.kind) {
    case 'both':
      return `both: ${block.left.length} ⇄ ${block.right.length}, best ${Math.max(...block.pairs.map((k) => c.pairs[k].score))}`;
    case 'left-only':
    case 'right-only':
      return `${block.kind}: ${block.passages.map((i) => c.passages[i].path.join(' › ')).join('; ')}`;
  }
}

// The types refuse what the API refuses.
// @ts-expect-error: `kind` takes a metric kind
void ((pc: Awaited<ReturnType<typeof createComparer>>) => pc.metrics('henan', { kind: 'goal' }));
// @ts-expect-error: regions are named by strings
void ((pc: Awaited<ReturnType<typeof createComparer>>) => pc.compare(1, 2));
