//! The command line: `policy-compare bundle` builds the widget's bundle from the corpus.

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
            /// Where to write the bundle.
            #[arg(long, short, default_value = "www/bundle.json")]
            out: PathBuf,
            /// Write nothing; fail if the bundle at --out differs from a fresh build.
            #[arg(long)]
            check: bool,
        },
        /// Compare two regions' plans: aligned passages and their differences.
        Compare {
            /// Left region id (e.g. jiangxi), or one of its documents as
            /// region/document-id (e.g. national/national-2017-04-28).
            #[arg(long)]
            left: String,
            /// Right region id (e.g. guangdong), or region/document-id.
            #[arg(long)]
            right: String,
            /// A theme id, or `all`.
            #[arg(long, default_value = "all")]
            theme: String,
            /// The bundle to read.
            #[arg(long, default_value = "www/bundle.json")]
            bundle: PathBuf,
            /// `passages` (aligned text) or `targets` (the side-by-side target table).
            #[arg(long, default_value = "passages")]
            view: View,
            /// `text` or `json`.
            #[arg(long, default_value = "text")]
            format: Format,
        },
        /// List a region's quantitative statements (targets, baselines, other counts).
        Metrics {
            /// Region id (e.g. jiangxi).
            #[arg(long)]
            region: String,
            /// Only this kind: target, baseline or other.
            #[arg(long)]
            kind: Option<KindArg>,
            /// The bundle to read.
            #[arg(long, default_value = "www/bundle.json")]
            bundle: PathBuf,
            /// `table`, `csv` or `json`.
            #[arg(long, default_value = "table")]
            format: TableFormat,
        },
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

    #[derive(Clone, Copy, clap::ValueEnum)]
    enum TableFormat {
        Table,
        Csv,
        Json,
    }

    #[derive(Clone, Copy, clap::ValueEnum)]
    enum Format {
        Text,
        Json,
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
            } => compare(&bundle, &left, &right, &theme, view, format),
            Command::Metrics {
                region,
                kind,
                bundle,
                format,
            } => metrics(&bundle, &region, kind, format),
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
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
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
        write_atomically(out, json.as_bytes())?;
        Ok(format!("wrote {} ({summary})", out.display()))
    }

    fn read_bundle(path: &Path) -> Result<policy_compare::Bundle, String> {
        let json =
            fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        policy_compare::Bundle::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn print(text: &str) -> Result<(), String> {
        std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot write: {e}"))
    }

    fn compare(
        bundle: &Path,
        left: &str,
        right: &str,
        theme: &str,
        view: View,
        format: Format,
    ) -> Result<String, String> {
        let comparer = policy_compare::Comparer::new(&read_bundle(bundle)?);
        match view {
            View::Passages => {
                let result = comparer
                    .compare(left, right, theme)
                    .map_err(|e| e.to_string())?;
                match format {
                    Format::Json => print(&(to_json(&result)? + "\n"))?,
                    Format::Text => print(&policy_compare::compare::text::to_text(&result))?,
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
                let table = comparer
                    .targets(left, right, theme)
                    .map_err(|e| e.to_string())?;
                match format {
                    Format::Json => print(&(to_json(&table)? + "\n"))?,
                    Format::Text => print(&policy_compare::compare::text::targets_to_text(&table))?,
                }
                let rows: usize = table.groups.iter().map(|g| g.rows.len()).sum();
                Ok(format!("{rows} rows in {} themes", table.groups.len()))
            }
        }
    }

    fn to_json<T: serde::Serialize>(value: &T) -> Result<String, String> {
        serde_json::to_string_pretty(value).map_err(|e| e.to_string())
    }

    fn metrics(
        bundle: &Path,
        region: &str,
        kind: Option<KindArg>,
        format: TableFormat,
    ) -> Result<String, String> {
        use policy_compare::bundle::MetricKind;
        let bundle = read_bundle(bundle)?;
        if !bundle.regions.iter().any(|r| r.id == region) {
            let valid: Vec<&str> = bundle.regions.iter().map(|r| r.id.as_str()).collect();
            return Err(format!(
                "unknown region \"{region}\"; valid regions: {}",
                valid.join(", ")
            ));
        }
        let wanted = kind.map(|k| match k {
            KindArg::Target => MetricKind::Target,
            KindArg::Baseline => MetricKind::Baseline,
            KindArg::Other => MetricKind::Other,
        });
        let rows: Vec<(&str, &policy_compare::bundle::Metric)> = bundle
            .documents
            .iter()
            .filter(|d| d.region == region)
            .flat_map(|d| d.metrics.iter().map(move |m| (d.id.as_str(), m)))
            .filter(|(_, m)| wanted.is_none_or(|k| m.kind == k))
            .collect();
        let text = match format {
            TableFormat::Json => {
                #[derive(serde::Serialize)]
                struct Row<'a> {
                    document: &'a str,
                    #[serde(flatten)]
                    metric: &'a policy_compare::bundle::Metric,
                }
                let rows: Vec<Row<'_>> = rows
                    .iter()
                    .map(|&(document, metric)| Row { document, metric })
                    .collect();
                to_json(&rows)? + "\n"
            }
            TableFormat::Csv | TableFormat::Table => {
                let header = [
                    "document",
                    "kind",
                    "indicator",
                    "value",
                    "value_max",
                    "unit",
                    "year",
                    "comparator",
                    "theme",
                    "quote",
                ];
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|(doc, m)| {
                        vec![
                            doc.to_string(),
                            serde_json::to_value(m.kind)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_owned))
                                .unwrap_or_default(),
                            m.indicator.clone(),
                            number(m.value),
                            m.value_max.map(number).unwrap_or_default(),
                            m.unit.clone(),
                            m.year.map(|y| y.to_string()).unwrap_or_default(),
                            m.comparator
                                .map(|c| c.word().to_owned())
                                .unwrap_or_default(),
                            m.theme.map(|t| t.id().to_owned()).unwrap_or_default(),
                            m.quote.clone(),
                        ]
                    })
                    .collect();
                match format {
                    TableFormat::Csv => policy_compare::metrics::csv::to_csv(&header, &cells),
                    _ => policy_compare::metrics::csv::to_table(&header, &cells),
                }
            }
        };
        print(&text)?;
        Ok(format!("{} metrics of {region}", rows.len()))
    }

    fn number(v: f64) -> String {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    }

    /// Writes through a temporary file and a rename, so a failure leaves the old bundle (or
    /// nothing) in place, never half a file.
    fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .ok_or_else(|| format!("{} is not a file path", path.display()))?;
        let tmp = dir.join(format!(".{}.tmp", name.to_string_lossy()));
        let write = || -> std::io::Result<()> {
            let mut file = fs::File::create(&tmp)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            fs::rename(&tmp, path)
        };
        write().map_err(|e| {
            let _ = fs::remove_file(&tmp);
            format!("cannot write {}: {e}", path.display())
        })
    }
}
