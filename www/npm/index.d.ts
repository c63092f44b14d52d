// Types of the policy-compare JavaScript API. Every object is plain data, the same as the
// JSON of the command line (`policy-compare compare … --format json`): snake_case names,
// `null` for a value a statement does not have.
//
// Kept true by tests: tests/typescript.rs checks that every closed set below lists exactly
// the Rust enum's values; tests/npm/types.test.mjs type-checks real answers of the API
// against these interfaces (extra or missing fields fail).

/**
 * Loads the wasm (once) and prepares a bundle for comparisons.
 *
 * @param bundle The bundle's JSON text; leave it out for the bundle shipped with the
 *   package (`policy-compare/bundle.json`).
 * @throws {TypeError} when `bundle` is not a string.
 * @throws {Error} when the bundle is not valid; the message names the field at fault.
 */
export function createComparer(bundle?: string): Promise<Comparer>;

/** A bundle prepared for comparisons. Every method throws an `Error` that names the
 * argument at fault (and, for an unknown id, the valid ids). Ids are matched in any case
 * (`Henan`), and regions and themes by their English or Chinese names too. */
export interface Comparer {
  /** Every region of the bundle, with how many documents and targets it has. */
  regions(): RegionEntry[];
  /** The themes passages are classified under. */
  themes(): ThemeInfo[];
  /** The documents of a region (of every region when left out), without their text. */
  documents(region?: string): DocumentEntry[];
  /** Two regions compared: what the widget draws (blocks, pairs, marks, counts). */
  compare(left: string, right: string, options?: CompareOptions): Comparison;
  /** Two regions' quantitative targets side by side, grouped by theme. */
  targets(left: string, right: string, options?: CompareOptions): TargetTable;
  /** The quantitative statements of a region, or of every region for `"all"`. */
  metrics(region: string, options?: MetricsOptions): MetricRow[];
  /** Frees the wasm memory the comparer holds (otherwise freed when it is collected). */
  free(): void;
}

export interface CompareOptions {
  /** A theme id (or name), or `"all"` (the default). */
  theme?: ThemeId | 'all' | (string & {});
}

export interface MetricsOptions {
  /** Only statements of this kind. */
  kind?: MetricKind;
}

export type ThemeId =
  | 'connectivity'
  | 'trade'
  | 'industry'
  | 'finance'
  | 'culture'
  | 'science'
  | 'ecology'
  | 'policy'
  | 'general';

export type RegionKind = 'province' | 'city' | 'national';

/** The kind of section a passage sits in. */
export type Role = 'task' | 'preamble' | 'significance' | 'framing' | 'goal' | 'background';

/** Why a passage is boilerplate: shown, never paired. */
export type Boilerplate =
  | 'title'
  | 'addressee'
  | 'cover-letter'
  | 'enacting-formula'
  | 'agency-list'
  | 'scope-clause'
  | 'table-header'
  | 'status-cell'
  | 'date-cell'
  | 'agency-cell';

/** How a span of a passage relates to the passage it is paired with. */
export type SpanKind = 'same' | 'reused' | 'changed' | 'moved' | 'shared' | 'plain';

export type MetricKind = 'target' | 'baseline' | 'other';

/** The word that qualifies a number, as the plans write it. */
export type Comparator =
  | '以上' | '超过' | '突破' | '达到' | '不低于' | '左右' | '多' | '以内' | '增加到' | '新增'
  | '建成' | '开通' | '形成' | '培育' | '打造' | '组织' | '翻一番' | '翻番' | '翻两番' | '不少于'
  | '不超过' | '以下' | '余' | '达' | '增至' | '提高到' | '引进' | '设立' | '开行' | '举办'
  | '招收' | '实现' | '累计' | '至少' | '新建' | '遴选' | '选派' | '增开' | '建立';

/** A unit in which values of different regions can be compared. */
export type Canonical =
  | 'usd'
  | 'cny'
  | 'tonnes'
  | 'teu'
  | 'person_trips'
  | 'persons'
  | 'percent'
  | 'times'
  | 'square_kilometres'
  | 'kilometres';

export interface RegionEntry {
  id: string;
  zh: string;
  en: string;
  kind: RegionKind;
  /** The province a city belongs to. */
  parent: string | null;
  documents: number;
  targets: number;
}

export interface ThemeInfo {
  id: ThemeId;
  zh: string;
  en: string;
}

export interface DocumentEntry {
  id: string;
  region: string;
  title: string;
  /** ISO date, `YYYY-MM-DD`. */
  published: string;
  source: string;
  /** The issuing number (`豫政〔2017〕31号`), if it has one. */
  doc_number: string | null;
  paragraphs: number;
  metrics: number;
}

/** A region in a comparison, with its documents. */
export interface Side {
  region: string;
  zh: string;
  en: string;
  documents: DocumentRef[];
}

export interface DocumentRef {
  id: string;
  title: string;
  published: string;
}

/** A paragraph with its provenance. */
export interface Passage {
  region: string;
  document: string;
  /** Paragraph id within the document. */
  paragraph: string;
  /** Headings above it, outermost first. */
  path: string[];
  text: string;
  /** Its themes, strongest first. */
  themes: ThemeId[];
  role: Role;
  boilerplate?: Boilerplate;
}

/** A stretch of the side-by-side view; numbers are positions in `passages` and `pairs`. */
export type Block =
  | { kind: 'both'; left: number[]; right: number[]; pairs: number[] }
  | { kind: 'left-only'; passages: number[] }
  | { kind: 'right-only'; passages: number[] };

export interface Span {
  /** Exactly as in the passage: the spans of a side concatenate to its text. */
  text: string;
  kind: SpanKind;
}

export interface Marks {
  left: Span[];
  right: Span[];
}

/** Two passages shown side by side. */
export interface Pair {
  left: Passage;
  right: Passage;
  /** How alike they are, 0–1. */
  score: number;
  marks: Marks;
}

export interface Coverage {
  theme: ThemeId;
  /** Passages of the left region with this theme (whatever the theme compared). */
  left: number;
  right: number;
  /** Passages of the left region a comparison under this theme shows: those with the
   * theme and their counterparts, each once. */
  shown_left: number;
  shown_right: number;
}

export interface Counts {
  pairs: number;
  blocks: number;
  left_matched: number;
  right_matched: number;
  left_only: number;
  right_only: number;
  boilerplate: number;
}

export interface Comparison {
  left: Side;
  right: Side;
  /** The theme compared, `null` for all. */
  theme: ThemeId | null;
  /** Every passage of both regions, the left region's first, in reading order. */
  passages: Passage[];
  /** What the plans say, in the left plan's reading order. */
  blocks: Block[];
  /** Every pair shown side by side, in the order the blocks show them. */
  pairs: Pair[];
  coverage: Coverage[];
  counts: Counts;
}

export interface Normalized {
  value: number;
  value_max: number | null;
  unit: Canonical;
}

/** Fields every quantitative statement has. */
export interface Quantity {
  /** The exact quote it was read from. */
  quote: string;
  /** What is counted. */
  indicator: string;
  /** The number (the lower end of a range). */
  value: number;
  value_max: number | null;
  /** The unit as written (`亿美元`). */
  unit: string;
  year: number | null;
  comparator: Comparator | null;
  kind: MetricKind;
  theme: ThemeId | null;
}

/** What limits a number beyond its indicator (bundle field `metrics[].scope`). */
export interface Scope {
  /** The unit it is per: `市` (`每市`), `年` (`每年`), `周`, or the group of which each
   * counts its own (`省属骨干本科院校`). */
  per?: string;
  /** The total it is a component of (`郑州机场客运量`). */
  part_of?: string;
}

/** A target in a target table, with where it comes from. */
export interface Target extends Quantity {
  document: string;
  paragraph: string;
  /** Its id within the document. */
  metric: string;
  /** Its canonical indicator (`outbound_investment`): rows pair by it. */
  indicator_id: string | null;
  normalized: Normalized | null;
  scope: Scope | null;
}

export interface TargetRow {
  left: Target | null;
  right: Target | null;
  /** 1 for a pair (the same canonical indicator, unit and scope), 0 for one side. */
  similarity: number;
}

export interface TargetGroup {
  theme: ThemeId | null;
  rows: TargetRow[];
}

export interface TargetTable {
  left: Side;
  right: Side;
  theme: ThemeId | null;
  groups: TargetGroup[];
}

/** A quantitative statement with its region and document. */
export interface MetricRow extends Quantity {
  region: string;
  document: string;
  /** The document's title and date. */
  title: string;
  published: string;
  /** Its id within the document. */
  id: string;
  paragraph: string;
  normalized?: Normalized;
  /** What limits it, when something does. */
  scope?: Scope;
  /** The canonical indicator of a target or baseline. */
  indicator_id?: string;
}
