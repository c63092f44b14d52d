//! The command line as a user runs it: bad input gets a clear error with file, line and
//! reason, a non-zero exit, and no output written (an existing bundle is left alone).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOOD: &str = "江西省参与丝绸之路经济带和 21 世纪海上丝绸之路\n\n建设实施方案 \n\n发布时间：2016-10-09 \n\n来源：江西省发改委网站 \n\n一、重大意义 \n\n推进“一带一路”建设。 \n";

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("policy-compare-cli-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
    fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policy-compare"))
        .args(args)
        .output()
        .expect("runs")
}

fn bundle(corpus: &Path, out: &Path) -> Output {
    run(&[
        "bundle",
        "--corpus",
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_good_corpus_builds() {
    let s = Scratch::new("good");
    let (corpus, out) = (s.path("c.txt"), s.path("b.json"));
    fs::write(&corpus, GOOD).unwrap();
    let o = bundle(&corpus, &out);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 documents"));
    let json = fs::read_to_string(&out).unwrap();
    assert!(json.contains("\"region\": \"jiangxi\""));

    let check = run(&[
        "bundle",
        "--check",
        "--corpus",
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(check.status.success(), "{}", stderr(&check));
    fs::write(&out, json.replace("jiangxi", "gansu")).unwrap();
    let check = run(&[
        "bundle",
        "--check",
        "--corpus",
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!check.status.success());
    assert!(stderr(&check).contains("differs from a fresh build"));
}

#[test]
fn malformed_corpora_are_reported_with_file_line_and_reason() {
    let cases = [
        (
            "no-date",
            GOOD.replace("发布时间：2016-10-09 \n\n", ""),
            ":1: document 「江西省参与丝绸之路经济带和21世纪海上丝绸之路建设实施方案」 has no publication date",
        ),
        (
            "bad-date",
            GOOD.replace("2016-10-09", "2016-10-32"),
            ":5: publication date \"2016-10-32\" is not a date",
        ),
        (
            "unknown-region",
            GOOD.replace("江西省", "某某省"),
            ":1: document 「某某省参与丝绸之路经济带和21世纪海上丝绸之路建设实施方案」 names no known region",
        ),
        (
            "no-documents",
            "只有一段正文。 \n".to_owned(),
            ":1: no documents found",
        ),
        (
            "trailing-spaces-trimmed",
            GOOD.replace(" \n", "\n"),
            ":5: no line of the corpus ends with a space, so the layout that marks where paragraphs end is lost",
        ),
        (
            "nul-in-text",
            GOOD.replace("推进", "推\0进"),
            ":11: control character U+0000 (NUL) at column 2",
        ),
        (
            "escape-in-heading",
            GOOD.replace("重大意义", "重大\u{1b}[2J意义"),
            ":9: control character U+001B (ESC) at column 5",
        ),
    ];
    for (name, text, expected) in cases {
        let s = Scratch::new(name);
        let (corpus, out) = (s.path("c.txt"), s.path("b.json"));
        fs::write(&corpus, text).unwrap();
        fs::write(&out, "previous bundle").unwrap();
        let o = bundle(&corpus, &out);
        assert!(!o.status.success(), "{name} succeeded");
        let err = stderr(&o);
        assert!(
            err.contains(&format!("error: {}{expected}", corpus.display())),
            "{name}: {err}"
        );
        assert_eq!(
            fs::read_to_string(&out).unwrap(),
            "previous bundle",
            "{name} touched the output"
        );
        assert_eq!(
            fs::read_dir(&s.0).unwrap().count(),
            2,
            "{name} left a file behind"
        );
    }
}

#[test]
fn unreadable_corpora_are_reported() {
    let s = Scratch::new("unreadable");
    let out = s.path("b.json");
    let o = bundle(&s.path("missing.txt"), &out);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));
    assert!(!out.exists());

    let corpus = s.path("latin1.txt");
    let mut bytes = GOOD.as_bytes().to_vec();
    bytes.extend_from_slice(b"\n\xff\xfe broken \n");
    fs::write(&corpus, bytes).unwrap();
    let o = bundle(&corpus, &out);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("latin1.txt:13: not UTF-8 text"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn help_describes_the_commands() {
    let o = run(&["--help"]);
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("bundle"), "{text}");
    let o = run(&["bundle", "--help"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("--corpus"));
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// The lines of a CSV the CLI wrote, split into fields with Python's `csv` module — the
/// reader journalists' scripts use — after checking the byte order mark that Excel needs.
fn read_with_python(csv: &str, scratch: &Scratch) -> Vec<Vec<String>> {
    assert!(csv.starts_with('\u{feff}'), "no byte order mark");
    let file = scratch.path("out.csv");
    fs::write(&file, csv).unwrap();
    let script = "import csv, json, sys\n\
                  with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n\
                  \x20   print(json.dumps(list(csv.reader(f)), ensure_ascii=False))\n";
    let o = Command::new("python3")
        .args(["-c", script, file.to_str().unwrap()])
        .output()
        .expect("python3 runs (make test installs it)");
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

#[test]
fn metrics_of_every_region_as_one_csv_read_by_pythons_csv_module() {
    let s = Scratch::new("metrics-all-csv");
    let o = run(&["metrics", "--region", "all", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = read_with_python(&stdout(&o), &s);
    assert_eq!(rows[0], policy_compare::metrics::csv::HEADER);
    let bundle =
        policy_compare::Bundle::from_json(&fs::read_to_string("www/bundle.json").unwrap()).unwrap();
    let total: usize = bundle.documents.iter().map(|d| d.metrics.len()).sum();
    assert_eq!(
        rows.len() - 1,
        total,
        "a line per statement of every region"
    );
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    // Every region with statements is in it, in Chinese as written.
    let regions: std::collections::BTreeSet<&str> =
        rows[1..].iter().map(|r| r[2].as_str()).collect();
    for r in [
        "national", "jiangxi", "henan", "hebei", "chengdu", "gansu", "fujian",
    ] {
        assert!(regions.contains(r), "{r}");
    }
    let jiangxi = rows
        .iter()
        .find(|r| r[6] == "对沿线国家进出口总额")
        .expect("Jiangxi's trade target");
    assert_eq!(
        (
            jiangxi[3].as_str(),
            jiangxi[10].as_str(),
            jiangxi[12].as_str()
        ),
        ("江西", "300", "亿美元")
    );
    assert_eq!(
        (jiangxi[13].as_str(), jiangxi[15].as_str()),
        ("30000000000", "usd")
    );
    assert!(jiangxi[4].starts_with("江西省"), "the document title");
    assert_eq!(jiangxi[5], "2016-10-09");
    // One indicator across every region, as a table.
    let o = run(&[
        "metrics",
        "--region",
        "all",
        "--indicator",
        "international_students",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let table = stdout(&o);
    assert!(
        table.contains("2017") && table.contains("2020") && table.contains("河北"),
        "{table}"
    );
    let o = run(&[
        "metrics",
        "--region",
        "all",
        "--indicator",
        "international_students",
        "--lang",
        "en",
    ]);
    assert!(stdout(&o).contains("5,000 students"), "{}", stdout(&o));
    let o = run(&["metrics", "--region", "all", "--indicator", "atlantis"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("indicators used: "), "{}", stderr(&o));
}

#[test]
fn side_by_side_targets_as_csv_have_the_same_shape() {
    let s = Scratch::new("targets-csv");
    let o = run(&[
        "compare", "--left", "hebei", "--right", "jiangxi", "--view", "targets", "--format", "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = read_with_python(&stdout(&o), &s);
    assert_eq!(rows[0], policy_compare::metrics::csv::HEADER);
    // The paired row: both sides under one row number.
    let paired: Vec<&Vec<String>> = rows[1..]
        .iter()
        .filter(|r| r[7] == "international_students")
        .collect();
    assert_eq!(paired.len(), 2);
    assert_eq!(paired[0][0], paired[1][0]);
    assert_eq!(
        (paired[0][1].as_str(), paired[1][1].as_str()),
        ("left", "right")
    );
    let o = run(&[
        "compare", "--left", "hebei", "--right", "jiangxi", "--format", "csv",
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--view targets"), "{}", stderr(&o));
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_written_as_text() {
    let s = Scratch::new("formula");
    let corpus = s.path("c.txt");
    fs::write(
        &corpus,
        "江西省参与“一带一路”建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n\
         一、目标 \n\n力争到2020年进出口总额突破300亿美元。 \n",
    )
    .unwrap();
    let bundle = s.path("b.json");
    assert!(bundle_ok(&corpus, &bundle));
    // A hostile bundle: a paragraph and its quote start with a formula.
    let json = fs::read_to_string(&bundle).unwrap();
    let json = json.replace(
        "力争到2020年进出口总额突破300亿美元",
        "=HYPERLINK(\\\"http://x\\\")力争到2020年进出口总额突破300亿美元",
    );
    let json = json.replacen(
        "\"quote\": \"",
        "\"quote\": \"=HYPERLINK(\\\"http://x\\\")力争到2020年",
        1,
    );
    fs::write(&bundle, json).unwrap();
    let o = run(&[
        "metrics",
        "--region",
        "jiangxi",
        "--format",
        "csv",
        "--bundle",
        bundle.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = read_with_python(&stdout(&o), &s);
    let quote = &rows[1][20];
    assert!(quote.starts_with("'=HYPERLINK"), "{quote}");
}

fn bundle_ok(corpus: &Path, out: &Path) -> bool {
    let o = bundle(corpus, out);
    o.status.success()
}

#[test]
fn cr_only_and_crlf_corpora_build_the_same_bundle_as_lf() {
    let s = Scratch::new("line-breaks");
    let built = |name: &str, text: String| {
        let (corpus, out) = (
            s.path(&format!("{name}.txt")),
            s.path(&format!("{name}.json")),
        );
        fs::write(&corpus, text).unwrap();
        let o = bundle(&corpus, &out);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let json: serde_json::Value = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
        json["documents"].clone()
    };
    let lf = built("lf", GOOD.to_owned());
    assert_eq!(built("cr", GOOD.replace('\n', "\r")), lf);
    assert_eq!(built("crlf", GOOD.replace('\n', "\r\n")), lf);
}

#[cfg(unix)]
mod out_paths {
    use super::*;
    use std::os::unix::fs::{FileTypeExt, symlink};

    fn good_corpus(s: &Scratch) -> PathBuf {
        let corpus = s.path("corpus.txt");
        fs::write(&corpus, GOOD).unwrap();
        corpus
    }

    #[test]
    fn the_corpus_is_never_overwritten_by_its_bundle() {
        let s = Scratch::new("out-is-corpus");
        let corpus = good_corpus(&s);
        fs::create_dir(s.path("sub")).unwrap();
        symlink(&corpus, s.path("link.json")).unwrap();
        fs::hard_link(&corpus, s.path("hard.json")).unwrap();
        for out in [
            corpus.clone(),
            s.path("sub/../corpus.txt"),
            s.path("link.json"),
            s.path("hard.json"),
        ] {
            let o = bundle(&corpus, &out);
            assert!(!o.status.success(), "{} was accepted", out.display());
            assert!(
                stderr(&o).contains("is the corpus") && stderr(&o).contains("choose another --out"),
                "{}",
                stderr(&o)
            );
            assert_eq!(fs::read_to_string(&corpus).unwrap(), GOOD);
        }
        assert!(
            fs::symlink_metadata(s.path("link.json"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_dir(&s.0).unwrap().count(),
            4,
            "no file left behind"
        );
    }

    #[test]
    fn a_symlink_given_as_out_is_written_through_and_stays_a_link() {
        let s = Scratch::new("out-symlink");
        let corpus = good_corpus(&s);
        fs::create_dir(s.path("site")).unwrap();
        fs::write(s.path("site/bundle.json"), "old").unwrap();
        // A relative link, as `ln -s site/bundle.json www.json` makes, and a dangling one.
        symlink("site/bundle.json", s.path("www.json")).unwrap();
        symlink("site/new.json", s.path("dangling.json")).unwrap();
        for (link, target) in [
            ("www.json", "site/bundle.json"),
            ("dangling.json", "site/new.json"),
        ] {
            let o = bundle(&corpus, &s.path(link));
            assert!(o.status.success(), "{link}: {}", stderr(&o));
            assert!(
                fs::symlink_metadata(s.path(link))
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            let json = fs::read_to_string(s.path(target)).unwrap();
            assert!(json.contains("\"region\": \"jiangxi\""), "{target}: {json}");
        }
    }

    /// A named pipe stands for devices and `/dev/stdout` (testing on the real ones could,
    /// run as root against a broken build, replace them).
    #[test]
    fn a_pipe_given_as_out_is_written_to_not_replaced() {
        let s = Scratch::new("out-pipe");
        let corpus = good_corpus(&s);
        let fifo = s.path("pipe.json");
        let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        let o = bundle(&corpus, &fifo);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
            "the pipe was replaced by a file"
        );
        assert!(reader.join().unwrap().contains("\"region\": \"jiangxi\""));
    }

    #[test]
    fn a_directory_given_as_out_is_refused() {
        let s = Scratch::new("out-dir");
        let corpus = good_corpus(&s);
        let o = bundle(&corpus, &s.0);
        assert!(!o.status.success());
        assert!(stderr(&o).contains("is a directory"), "{}", stderr(&o));
    }
}

#[test]
fn compare_takes_one_document_of_a_region() {
    let o = run(&[
        "compare",
        "--left",
        "national/national-2017-04-28",
        "--right",
        "guangxi",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let documents = &json["left"]["documents"];
    assert_eq!(documents.as_array().map(Vec::len), Some(1));
    assert_eq!(documents[0]["id"], "national-2017-04-28");
    let o = run(&["compare", "--left", "national/nope", "--right", "guangxi"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no document \"nope\" in region \"national\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_widgets_csv_of_every_region_has_the_lines_of_metrics_all_for_that_indicator() {
    use policy_compare::compare::statements::{Statements, Subject, rows_to_csv};
    let bundle =
        policy_compare::Bundle::from_json(&fs::read_to_string("www/bundle.json").unwrap()).unwrap();
    let statements = Statements::new(&bundle);
    // Without the row number (the list's line here, the table's row there), and without
    // the `other` numbers that the list has and the table does not.
    let lines = |csv: &str| -> Vec<String> {
        let mut out: Vec<String> = csv
            .trim_end()
            .split("\r\n")
            .skip(1)
            .filter(|l| !l.contains(",other,"))
            .map(|l| l.split_once(',').unwrap().1.to_owned())
            .collect();
        out.sort();
        out
    };
    for id in [
        "international_students",
        "rd_personnel_fte",
        "university_partnerships",
        "outbound_investment",
    ] {
        let o = run(&[
            "metrics",
            "--region",
            "all",
            "--indicator",
            id,
            "--format",
            "csv",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let cli = stdout(&o);
        let table = statements
            .table(&Subject::Indicator(id.to_owned()))
            .unwrap();
        let widget = rows_to_csv(&bundle, &table.rows, false);
        assert!(widget.starts_with('\u{feff}') && cli.starts_with('\u{feff}'));
        assert_eq!(
            widget.lines().next(),
            cli.lines().next(),
            "one header, one shape"
        );
        assert!(!lines(&widget).is_empty(), "{id}");
        assert_eq!(lines(&widget), lines(&cli), "{id}");
    }
}

#[test]
fn a_bundle_that_is_not_utf8_is_reported_with_the_byte() {
    let s = Scratch::new("latin1-bundle");
    let path = s.path("b.json");
    let mut bytes = br#"{"format": "policy-compare-bundle", "title": ""#.to_vec();
    bytes.extend_from_slice(&[0xe6, 0xb1, b'"', b'}']);
    fs::write(&path, &bytes).unwrap();
    let o = run(&["regions", "--bundle", path.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("b.json: not UTF-8 text (byte 46 is not)"),
        "{}",
        stderr(&o)
    );
}
