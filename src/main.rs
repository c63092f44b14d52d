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
            /// Left region id (e.g. jiangxi).
            #[arg(long)]
            left: String,
            /// Right region id (e.g. guangdong).
            #[arg(long)]
            right: String,
            /// A theme id, or `all`.
            #[arg(long, default_value = "all")]
            theme: String,
            /// The bundle to read.
            #[arg(long, default_value = "www/bundle.json")]
            bundle: PathBuf,
            /// `text` (changes in [brackets], reuse in <angles>) or `json`.
            #[arg(long, default_value = "text")]
            format: Format,
        },
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
                format,
            } => compare(&bundle, &left, &right, &theme, format),
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

    fn compare(
        bundle: &Path,
        left: &str,
        right: &str,
        theme: &str,
        format: Format,
    ) -> Result<String, String> {
        let json = fs::read_to_string(bundle)
            .map_err(|e| format!("cannot read {}: {e}", bundle.display()))?;
        let bundle_data = policy_compare::Bundle::from_json(&json)
            .map_err(|e| format!("{}: {e}", bundle.display()))?;
        let result =
            policy_compare::compare(&bundle_data, left, right, theme).map_err(|e| e.to_string())?;
        let mut out = std::io::stdout().lock();
        let write = |out: &mut std::io::StdoutLock<'_>, text: String| {
            out.write_all(text.as_bytes())
                .map_err(|e| format!("cannot write: {e}"))
        };
        match format {
            Format::Json => {
                let text = serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?;
                write(&mut out, text + "\n")?;
            }
            Format::Text => write(&mut out, policy_compare::compare::text::to_text(&result))?,
        }
        Ok(format!(
            "{} pairs, {} only in {}, {} only in {}",
            result.counts.pairs, result.counts.left_only, left, result.counts.right_only, right
        ))
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
