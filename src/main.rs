//! The command line: `policy-compare bundle` builds the widget's bundle from the corpus;
//! `regions`, `themes`, `documents` list what it holds; `compare`, `metrics` and `search`
//! read it. The bundle the widget ships is built into the program, so that it works from
//! any directory (`--bundle` reads another).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::fs;
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use clap::{Parser, Subcommand};

    mod list;

    /// Compare China's provincial Belt-and-Road plans side by side.
    #[derive(Parser)]
    #[command(version, about)]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Build the widget's bundle (JSON) from the corpus text.
        Bundle {
            /// The corpus: the plain-text extraction of the compilation.
            #[arg(long, default_value = "data/belt-and-road-plans-2018.txt")]
            corpus: PathBuf,
            /// Where to write the bundle. A symlink is written through (the file it points to
            /// is replaced, the link stays); a device or pipe is written to in place
            /// (`--out /dev/stdout`); the corpus itself is refused.
            #[arg(long, short, default_value = "www/bundle.json")]
            out: PathBuf,
            /// Write nothing; fail if the bundle at --out differs from a fresh build.
            #[arg(long)]
            check: bool,
        },
        /// Compare two regions' plans: aligned passages and their differences.
        Compare {
            /// Left region (an id such as jiangxi, in any case, or its name), or one of its
            /// documents as region/document-id (e.g. national/national-2017-04-28).
            #[arg(long)]
            left: String,
            /// Right region (e.g. guangdong), or region/document-id.
            #[arg(long)]
            right: String,
            /// A theme id (see `policy-compare themes`), or `all`.
            #[arg(long, default_value = "all")]
            theme: String,
            /// The bundle to read [default: the one built into this program].
            #[arg(long)]
            bundle: Option<PathBuf>,
            /// `passages` (aligned text) or `targets` (the side-by-side target table).
            #[arg(long, default_value = "passages")]
            view: View,
            /// `text`, `markdown` or `json`; `csv` for `--view targets`.
            #[arg(long, default_value = "text")]
            format: Format,
            /// Only what both plans say (the blocks of paired passages), not the passages
            /// only one side has.
            #[arg(long)]
            pairs_only: bool,
        },
        /// List the regions, with how many documents and targets each has.
        Regions {
            /// The bundle to read [default: the one built into this program].
            #[arg(long)]
            bundle: Option<PathBuf>,
            /// `table`, `csv` or `json`.
            #[arg(long, default_value = "table")]
            format: TableFormat,
        },
        /// List the themes passages are classified under.
        Themes {
            /// The bundle to read [default: the one built into this program].
            #[arg(long)]
            bundle: Option<PathBuf>,
            /// `table`, `csv` or `json`.
            #[arg(long, default_value = "table")]
            format: TableFormat,
        },
        /// List the documents (of one region, or all), with their dates and sizes.
        Documents {
            /// Only this region's documents.
            #[arg(long)]
            region: Option<String>,
            /// The bundle to read [default: the one built into this program].
            #[arg(long)]
            bundle: Option<PathBuf>,
            /// `table`, `csv` or `json`.
            #[arg(long, default_value = "table")]
            format: TableFormat,
        },
        /// List quantitative statements (targets, baselines, other counts) of a region or
        /// of all; with `--region all` and `--indicator` or `--theme`, the table and JSON
        /// are one indicator across every region, by year.
        Metrics {
            /// Region id (e.g. jiangxi), or `all`.
            #[arg(long)]
            region: String,
            /// Only this kind: target, baseline or other.
            #[arg(long)]
            kind: Option<KindArg>,
            /// Only this canonical indicator (e.g. international_students).
            #[arg(long)]
            indicator: Option<String>,
            /// Only this theme (e.g. trade).
            #[arg(long)]
            theme: Option<String>,
            /// The bundle to read [default: the one built into this program].
            #[arg(long)]
            bundle: Option<PathBuf>,
            /// `table`, `csv` or `json`.
            #[arg(long, default_value = "table")]
            format: TableFormat,
            /// Language of the table's amounts and indicator names (`zh` or `en`); quotes
            /// stay Chinese, CSV and JSON are data.
            #[arg(long, default_value = "zh")]
            lang: LangArg,
        },
        /// Search every passage of every region: words separated by spaces must all
        /// appear; a phrase in quotes is one term (`'"境外经贸合作区"'`).
        Search {
            /// What to look for.
            query: String,
            /// Only this region (an id, e.g. henan).
            #[arg(long)]
            region: Option<String>,
            /// Only passages under this theme (an id, or `all`).
            #[arg(long)]
            theme: Option<String>,
            /// The bundle to read [default: the one built into this program].
            #[arg(long)]
            bundle: Option<PathBuf>,
            /// `text`, `json` or `csv`.
            #[arg(long, default_value = "text")]
            format: SearchFormat,
        },
    }

    #[derive(Clone, Copy, clap::ValueEnum)]
    enum SearchFormat {
        Text,
        Json,
        Csv,
    }

    #[derive(Clone, Copy, clap::ValueEnum)]
    enum View {
        Passages,
        Targets,
    }

    #[derive(Clone, Copy, clap::ValueEnum)]
    enum KindArg {
        Target,
        Baseline,
        Other,
    }

    #[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
    enum TableFormat {
        Table,
        Csv,
        Json,
    }

    #[derive(Clone, Copy, clap::ValueEnum)]
    enum Format {
        Text,
        Markdown,
        Json,
        Csv,
    }

    #[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
    enum LangArg {
        Zh,
        En,
    }

    pub fn run() -> ExitCode {
        let cli = Cli::parse();
        let result = match cli.command {
            Command::Bundle { corpus, out, check } => bundle(&corpus, &out, check),
            Command::Compare {
                left,
                right,
                theme,
                bundle,
                view,
                format,
                pairs_only,
            } => compare(
                bundle.as_deref(),
                &left,
                &right,
                &theme,
                view,
                format,
                pairs_only,
            ),
            Command::Regions { bundle, format } => list::regions(bundle.as_deref(), format),
            Command::Themes { bundle, format } => list::themes(bundle.as_deref(), format),
            Command::Documents {
                region,
                bundle,
                format,
            } => list::documents(bundle.as_deref(), region.as_deref(), format),
            Command::Metrics {
                region,
                kind,
                indicator,
                theme,
                bundle,
                format,
                lang,
            } => metrics(
                bundle.as_deref(),
                &Selection {
                    region,
                    kind,
                    indicator,
                    theme,
                },
                format,
                lang,
            ),
            Command::Search {
                query,
                region,
                theme,
                bundle,
                format,
            } => search(
                bundle.as_deref(),
                &query,
                region.as_deref(),
                theme.as_deref(),
                format,
            ),
        };
        match result {
            Ok(message) => {
                eprintln!("{message}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
        }
    }

    fn bundle(corpus: &Path, out: &Path, check: bool) -> Result<String, String> {
        let bytes =
            fs::read(corpus).map_err(|e| format!("cannot read {}: {e}", corpus.display()))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = line_breaks(&e.as_bytes()[..at]) + 1;
            format!("{}:{line}: not UTF-8 text", corpus.display())
        })?;
        let label = corpus.to_string_lossy().replace('\\', "/");
        let bundle = policy_compare::build_bundle(&text, &label)
            .map_err(|e| format!("{}:{}: {}", corpus.display(), e.line, e.kind))?;
        let json = bundle.to_json();
        let summary = format!(
            "{} documents, {} sections, {} paragraphs",
            bundle.documents.len(),
            bundle
                .documents
                .iter()
                .map(|d| d.all_sections().len())
                .sum::<usize>(),
            bundle
                .documents
                .iter()
                .map(|d| d.all_paragraphs().len())
                .sum::<usize>(),
        );
        if check {
            let current = fs::read_to_string(out)
                .map_err(|e| format!("cannot read {}: {e}", out.display()))?;
            return if current == json {
                Ok(format!("{} is up to date ({summary})", out.display()))
            } else {
                Err(format!(
                    "{} differs from a fresh build of {}; run `policy-compare bundle` (never edit the bundle by hand)",
                    out.display(),
                    corpus.display()
                ))
            };
        }
        write_bundle(out, corpus, json.as_bytes())?;
        Ok(format!("wrote {} ({summary})", out.display()))
    }

    /// Line breaks as the builder counts them: `\n`, `\r\n` or a lone `\r`.
    fn line_breaks(bytes: &[u8]) -> usize {
        bytes
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
            .count()
    }

    /// The bundle the widget ships, as it was when this program was compiled.
    const BUILT_IN: &str = include_str!("../www/bundle.json");

    /// The bundle at `path`, or the built-in one.
    fn read_bundle(path: Option<&Path>) -> Result<policy_compare::Bundle, String> {
        let Some(path) = path else {
            return policy_compare::Bundle::from_json(BUILT_IN)
                .map_err(|e| format!("the built-in bundle: {e}"));
        };
        let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        policy_compare::Bundle::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn print(text: &str) -> Result<(), String> {
        std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot write: {e}"))
    }

    fn compare(
        bundle: Option<&Path>,
        left: &str,
        right: &str,
        theme: &str,
        view: View,
        format: Format,
        pairs_only: bool,
    ) -> Result<String, String> {
        use policy_compare::catalog;
        use policy_compare::compare::{Block, markdown, text};
        let bundle = read_bundle(bundle)?;
        // Ids as people type them (`Henan`), named in the error with the valid ones; a
        // side may be one document of a region (`national/national-2017-04-28`).
        let id = |flag: &str, typed: &str| {
            let (region, document) = match typed.split_once('/') {
                Some((r, d)) => (r, Some(d)),
                None => (typed, None),
            };
            catalog::region(&bundle, region)
                .map(|r| match document {
                    Some(d) => format!("{}/{d}", r.id),
                    None => r.id.clone(),
                })
                .map_err(|e| format!("--{flag}: {e}"))
        };
        let (left, right) = (&id("left", left)?, &id("right", right)?);
        let theme = catalog::theme(theme).map_err(|e| format!("--theme: {e}"))?;
        let theme = catalog::theme_id(theme);
        let comparer = policy_compare::Comparer::new(&bundle);
        match view {
            View::Passages => {
                let mut result = comparer
                    .compare(left, right, theme)
                    .map_err(|e| e.to_string())?;
                match format {
                    Format::Json => {
                        if pairs_only {
                            result.blocks.retain(|b| matches!(b, Block::Both { .. }));
                        }
                        print(&(to_json(&result)? + "\n"))?
                    }
                    Format::Text => print(&text::to_text_with(&result, pairs_only))?,
                    Format::Markdown => print(&markdown::to_markdown(&result, pairs_only))?,
                    Format::Csv => {
                        return Err(
                            "--format csv is for `--view targets` (passages: text, markdown or json)"
                                .to_owned(),
                        );
                    }
                }
                Ok(format!(
                    "{} topics in both, {} pairs, {} only in {}, {} only in {}",
                    result.counts.blocks,
                    result.counts.pairs,
                    result.counts.left_only,
                    left,
                    result.counts.right_only,
                    right
                ))
            }
            View::Targets => {
                if pairs_only {
                    return Err(
                        "--pairs-only is for --view passages (the target table has no pairs)"
                            .into(),
                    );
                }
                let table = comparer
                    .targets(left, right, theme)
                    .map_err(|e| e.to_string())?;
                match format {
                    Format::Json => print(&(to_json(&table)? + "\n"))?,
                    Format::Text => print(&text::targets_to_text(&table))?,
                    Format::Markdown => print(&markdown::targets_to_markdown(&table))?,
                    Format::Csv => print(&policy_compare::compare::targets::rows_to_csv(
                        &table.left,
                        &table.right,
                        (&table.left.zh, &table.right.zh),
                        table.groups.iter().flat_map(|g| &g.rows),
                    ))?,
                }
                let rows: usize = table.groups.iter().map(|g| g.rows.len()).sum();
                Ok(format!("{rows} rows in {} themes", table.groups.len()))
            }
        }
    }

    fn search(
        bundle: Option<&Path>,
        query: &str,
        region: Option<&str>,
        theme: Option<&str>,
        format: SearchFormat,
    ) -> Result<String, String> {
        let bundle = read_bundle(bundle)?;
        let report = policy_compare::search::report::Report::new(&bundle, query, region, theme)
            .map_err(|e| e.to_string())?;
        if report.terms.is_empty() {
            return Err(format!("nothing to search for in \"{query}\""));
        }
        print(&match format {
            SearchFormat::Text => report.to_text(),
            SearchFormat::Json => to_json(&report)? + "\n",
            SearchFormat::Csv => report.to_csv(),
        })?;
        Ok(format!(
            "{} passages in {} regions",
            report.total,
            report.regions.len()
        ))
    }

    fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, String> {
        serde_json::to_string_pretty(value).map_err(|e| e.to_string())
    }

    /// What `metrics` lists.
    struct Selection {
        region: String,
        kind: Option<KindArg>,
        indicator: Option<String>,
        theme: Option<String>,
    }

    fn metrics(
        bundle: Option<&Path>,
        sel: &Selection,
        format: TableFormat,
        lang: LangArg,
    ) -> Result<String, String> {
        use policy_compare::bundle::{MetricKind, Theme};
        use policy_compare::compare::statements::{Statements, Subject};
        use policy_compare::metrics::csv::{self, Record};
        let bundle = read_bundle(bundle)?;
        // Ids as people type them (any case, or a region's name), like every command.
        let all = sel.region.trim().eq_ignore_ascii_case("all");
        let region = if all {
            String::new()
        } else {
            policy_compare::catalog::region(&bundle, &sel.region)
                .map_err(|e| format!("{e} (or all)"))?
                .id
                .clone()
        };
        let theme: Option<Theme> = match &sel.theme {
            None => None,
            Some(typed) => policy_compare::catalog::theme(typed).map_err(|e| e.to_string())?,
        };
        let statements = Statements::new(&bundle);
        if let Some(id) = &sel.indicator
            && !statements.indicators().iter().any(|u| &u.id == id)
        {
            let valid: Vec<String> = statements.indicators().into_iter().map(|u| u.id).collect();
            return Err(format!(
                "no statement has the indicator \"{id}\"; indicators used: {}",
                valid.join(", ")
            ));
        }
        let wanted = sel.kind.map(|k| match k {
            KindArg::Target => MetricKind::Target,
            KindArg::Baseline => MetricKind::Baseline,
            KindArg::Other => MetricKind::Other,
        });
        let region_name = |id: &str| -> String {
            bundle
                .regions
                .iter()
                .find(|r| r.id == id)
                .map_or(id.to_owned(), |r| match lang {
                    LangArg::Zh => r.zh.clone(),
                    LangArg::En => r.en.clone(),
                })
        };

        // One indicator (or theme) across every region, by year.
        let subject = match (&sel.indicator, theme) {
            (Some(id), _) => Some(Subject::Indicator(id.clone())),
            (None, Some(t)) => Some(Subject::Theme(t)),
            (None, None) => None,
        };
        if all
            && format != TableFormat::Csv
            && wanted.is_none()
            && let Some(subject) = subject
        {
            let table = statements.table(&subject).map_err(|e| e.to_string())?;
            let text = match format {
                TableFormat::Json => to_json(&table)? + "\n",
                _ => indicator_table(&table, lang, &region_name),
            };
            print(&text)?;
            return Ok(format!(
                "{} rows in {} years; no statement from {}",
                table.rows.len(),
                table.years.len(),
                if table.without.is_empty() {
                    "—".to_owned()
                } else {
                    table.without.join(", ")
                }
            ));
        }

        let rows: Vec<(
            &policy_compare::bundle::Document,
            &policy_compare::bundle::Metric,
        )> = bundle
            .documents
            .iter()
            .filter(|d| all || d.region == region)
            .flat_map(|d| d.metrics.iter().map(move |m| (d, m)))
            .filter(|(_, m)| wanted.is_none_or(|k| m.kind == k))
            .filter(|(_, m)| {
                sel.indicator
                    .as_ref()
                    .is_none_or(|id| m.indicator_id.as_ref() == Some(id))
            })
            .filter(|(_, m)| theme.is_none_or(|t| m.theme == Some(t)))
            .collect();
        let names: Vec<String> = rows.iter().map(|(d, _)| region_name(&d.region)).collect();
        let text = match format {
            TableFormat::Json => {
                #[derive(serde::Serialize)]
                struct Row<'a> {
                    region: &'a str,
                    document: &'a str,
                    #[serde(flatten)]
                    metric: &'a policy_compare::bundle::Metric,
                }
                let rows: Vec<Row<'_>> = rows
                    .iter()
                    .map(|&(d, metric)| Row {
                        region: &d.region,
                        document: &d.id,
                        metric,
                    })
                    .collect();
                to_json(&rows)? + "\n"
            }
            TableFormat::Csv => {
                let records: Vec<Record<'_>> = rows
                    .iter()
                    .zip(&names)
                    .enumerate()
                    .map(|(i, (&(d, m), name))| Record::of_metric(i + 1, name, d, m))
                    .collect();
                csv::records_to_csv(&records)
            }
            TableFormat::Table => {
                let header = [
                    "region",
                    "document",
                    "kind",
                    "indicator",
                    "amount",
                    "year",
                    "indicator_id",
                    "theme",
                    "quote",
                ];
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|&(d, m)| {
                        let t = policy_compare::compare::targets::TargetRef::new(&d.id, m);
                        let (indicator, amount) = match lang {
                            LangArg::Zh => (m.indicator.clone(), phrase(&t)),
                            LangArg::En => (
                                m.indicator_id
                                    .as_deref()
                                    .and_then(policy_compare::view::english::indicator)
                                    .map_or(m.indicator.clone(), str::to_owned),
                                policy_compare::view::english::amount(&t),
                            ),
                        };
                        vec![
                            d.region.clone(),
                            d.id.clone(),
                            m.kind.id().to_owned(),
                            indicator,
                            amount,
                            m.year.map(|y| y.to_string()).unwrap_or_default(),
                            m.indicator_id.clone().unwrap_or_default(),
                            m.theme.map(|t| t.id().to_owned()).unwrap_or_default(),
                            m.quote.clone(),
                        ]
                    })
                    .collect();
                csv::to_table(&header, &cells)
            }
        };
        print(&text)?;
        Ok(format!(
            "{} metrics of {}",
            rows.len(),
            if all { "all regions" } else { &region }
        ))
    }

    /// An amount as the plans phrase it: `突破300亿美元`, `每市至少5–10所`.
    fn phrase(t: &policy_compare::compare::targets::TargetRef) -> String {
        let value = match t.value_max {
            Some(max) => format!("{}–{}", number(t.value), number(max)),
            None => number(t.value),
        };
        t.phrase(&value)
    }

    /// One indicator across every region as a terminal table: a row per region and
    /// measure, a column per year; a baseline is marked.
    fn indicator_table(
        table: &policy_compare::compare::statements::IndicatorTable,
        lang: LangArg,
        region_name: &dyn Fn(&str) -> String,
    ) -> String {
        use policy_compare::bundle::MetricKind;
        let years: Vec<String> = table
            .years
            .iter()
            .map(|y| y.map_or("—".to_owned(), |y| y.to_string()))
            .collect();
        let mut header: Vec<&str> = vec!["region", "indicator"];
        header.extend(years.iter().map(String::as_str));
        let cells: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|row| {
                let mut line = vec![
                    region_name(&row.region),
                    match (lang, row.indicator_id.as_deref()) {
                        (LangArg::En, Some(id)) => policy_compare::view::english::indicator(id)
                            .map_or(row.indicator.clone(), str::to_owned),
                        _ => row.indicator.clone(),
                    },
                ];
                for cell in &row.cells {
                    let texts: Vec<String> = cell
                        .iter()
                        .map(|t| {
                            let amount = match lang {
                                LangArg::Zh => phrase(t),
                                LangArg::En => policy_compare::view::english::amount(t),
                            };
                            match (t.kind, lang) {
                                (MetricKind::Baseline, LangArg::Zh) => format!("{amount}（现状）"),
                                (MetricKind::Baseline, LangArg::En) => {
                                    format!("{amount} (baseline)")
                                }
                                _ => amount,
                            }
                        })
                        .collect();
                    line.push(texts.join("; "));
                }
                line
            })
            .collect();
        policy_compare::metrics::csv::to_table(&header, &cells)
    }

    fn number(v: f64) -> String {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    }

    /// Writes the bundle where `out` says, as a user would expect of `>`: through a symlink
    /// to the file it points to (the link stays a link), into a device or pipe in place
    /// (`--out /dev/stdout`, `/dev/null`), and into a file by replacing it whole. The
    /// corpus itself — by the same path, another path, a symlink or a hard link — is
    /// refused: building would destroy the source.
    fn write_bundle(out: &Path, corpus: &Path, bytes: &[u8]) -> Result<(), String> {
        let meta = fs::metadata(out).ok();
        if meta.is_some() && same_file(out, corpus) {
            return Err(format!(
                "{} is the corpus {}: writing the bundle there would destroy it; choose another --out",
                out.display(),
                corpus.display()
            ));
        }
        match meta {
            Some(m) if m.is_dir() => Err(format!(
                "{} is a directory; --out names the bundle file",
                out.display()
            )),
            // Opened by the path as given: the kernel follows the links, including the
            // ones under /proc that `/dev/stdout` leads to.
            Some(m) if !m.is_file() => fs::OpenOptions::new()
                .write(true)
                .open(out)
                .and_then(|mut f| f.write_all(bytes))
                .map_err(|e| format!("cannot write {}: {e}", out.display())),
            _ => write_atomically(&resolve_links(out)?, bytes, meta.map(|m| m.permissions())),
        }
    }

    /// The file a chain of symlinks ends at (which may not exist yet).
    fn resolve_links(path: &Path) -> Result<PathBuf, String> {
        let mut path = path.to_path_buf();
        // As many hops as Linux follows before it gives up (ELOOP).
        for _ in 0..40 {
            match fs::symlink_metadata(&path) {
                Ok(m) if m.file_type().is_symlink() => {
                    let link = fs::read_link(&path)
                        .map_err(|e| format!("cannot read the link {}: {e}", path.display()))?;
                    path = path.parent().map_or(link.clone(), |dir| dir.join(&link));
                }
                _ => return Ok(path),
            }
        }
        Err(format!(
            "{}: too many levels of symbolic links",
            path.display()
        ))
    }

    /// Whether two paths name the same file (hard links and symlinks included).
    fn same_file(a: &Path, b: &Path) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            match (fs::metadata(a), fs::metadata(b)) {
                (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
                _ => false,
            }
        }
        #[cfg(not(unix))]
        {
            match (fs::canonicalize(a), fs::canonicalize(b)) {
                (Ok(a), Ok(b)) => a == b,
                _ => false,
            }
        }
    }

    /// Writes through a temporary file and a rename, so a failure leaves the old bundle (or
    /// nothing) in place, never half a file. The new file keeps the old one's permissions.
    fn write_atomically(
        path: &Path,
        bytes: &[u8],
        permissions: Option<fs::Permissions>,
    ) -> Result<(), String> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .ok_or_else(|| format!("{} is not a file path", path.display()))?;
        // A name of this run's own, created new: never an existing file (the corpus could
        // have any name).
        let tmp = dir.join(format!(
            ".{}.{}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let error = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
        let mut file = fs::File::create_new(&tmp).map_err(error)?;
        let mut write = || -> std::io::Result<()> {
            file.write_all(bytes)?;
            if let Some(permissions) = &permissions {
                file.set_permissions(permissions.clone())?;
            }
            file.sync_all()?;
            fs::rename(&tmp, path)
        };
        write().map_err(|e| {
            let _ = fs::remove_file(&tmp);
            error(e)
        })
    }
}
