//! The command line as a journalist runs it, from any directory: listing commands, ids in
//! any case, comparisons as Markdown or matched passages only, tables that line up in a
//! terminal. Every command runs in an empty temporary directory, away from the
//! repository, so the bundle it reads is the one built into the program.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

use unicode_width::UnicodeWidthStr;

/// An empty directory, removed afterwards.
struct Elsewhere(PathBuf);

impl Elsewhere {
    fn new(name: &str) -> Elsewhere {
        let dir = std::env::temp_dir().join(format!(
            "policy-compare-elsewhere-{name}-{}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Elsewhere(dir)
    }
}

impl Drop for Elsewhere {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Runs the program in an empty directory.
fn run(args: &[&str]) -> Output {
    let dir = Elsewhere::new(&args.join("-").replace(['/', ' '], "_"));
    Command::new(env!("CARGO_BIN_EXE_policy-compare"))
        .args(args)
        .current_dir(&dir.0)
        .output()
        .expect("runs")
}

/// Standard output of a run that must succeed.
fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert!(
        o.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

/// Standard error of a run that must fail.
fn fails(args: &[&str]) -> String {
    let o = run(args);
    assert!(!o.status.success(), "{args:?} succeeded");
    assert!(o.stdout.is_empty(), "{args:?} wrote output before failing");
    String::from_utf8(o.stderr).unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    serde_json::from_str(&ok(&args)).expect("JSON")
}

fn shipped() -> serde_json::Value {
    serde_json::from_str(include_str!("../www/bundle.json")).unwrap()
}

#[test]
fn regions_lists_every_region_with_its_documents() {
    let bundle = shipped();
    let regions = json(&["regions"]);
    let regions = regions.as_array().unwrap();
    assert_eq!(regions.len(), bundle["regions"].as_array().unwrap().len());
    let henan = regions.iter().find(|r| r["id"] == "henan").unwrap();
    assert_eq!(henan["zh"], "河南");
    assert_eq!(henan["kind"], "province");
    let docs = bundle["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["region"] == "henan")
        .count();
    assert_eq!(henan["documents"], docs);

    let table = ok(&["regions"]);
    assert!(table.starts_with("id "), "{table}");
    assert!(table.lines().any(|l| l.starts_with("henan ")), "{table}");
    let csv = ok(&["regions", "--format", "csv"]);
    assert!(
        csv.trim_start_matches('\u{feff}')
            .starts_with("id,zh,en,kind,parent,documents,targets\r\n"),
        "{csv}"
    );
    assert!(csv.contains("\r\nxian,西安,Xi'an,city,shaanxi,1,"), "{csv}");
}

#[test]
fn themes_lists_the_ids_compare_takes() {
    let themes = json(&["themes"]);
    let ids: Vec<&str> = themes
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "connectivity",
            "trade",
            "industry",
            "finance",
            "culture",
            "science",
            "ecology",
            "policy",
            "general"
        ]
    );
    let table = ok(&["themes"]);
    let finance = table.lines().find(|l| l.starts_with("finance ")).unwrap();
    assert!(finance.contains(" 资金融通 "), "{table}");
}

#[test]
fn documents_lists_a_region_in_any_case() {
    let docs = json(&["documents", "--region", "Henan"]);
    let ids: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["henan-2017-09-28", "henan-2016-10-09"]);
    assert_eq!(docs[0]["doc_number"], "豫政〔2017〕31号");
    let all = json(&["documents"]);
    assert_eq!(
        all.as_array().unwrap().len(),
        shipped()["documents"].as_array().unwrap().len()
    );
    let err = fails(&["documents", "--region", "atlantis"]);
    assert!(
        err.contains("--region: unknown region \"atlantis\"; valid regions: national, tianjin, "),
        "{err}"
    );
}

#[test]
fn terminal_tables_line_up_by_display_width() {
    // Titles and sources hold “ ” (one column in a terminal) and CJK text (two): each
    // column starts on every line at the display column where its header starts.
    let table = ok(&["documents"]);
    assert!(table.contains('“'), "the titles hold curly quotes");
    let lines: Vec<&str> = table.lines().collect();
    let header_column = |field: &str| lines[0][..lines[0].find(field).unwrap()].width();
    let bundle = shipped();
    for line in &lines[1..] {
        let id = line.split(' ').next().unwrap();
        let doc = bundle["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap();
        // Each value found after the one before it (a source may recur in the title).
        let mut from = id.len();
        for field in ["published", "source", "title"] {
            let value = doc[field].as_str().unwrap();
            let at = from
                + line[from..]
                    .find(value)
                    .unwrap_or_else(|| panic!("{value} in {line}"));
            assert_eq!(
                line[..at].width(),
                header_column(field),
                "{field} in {line}"
            );
            from = at + value.len();
        }
    }
}

#[test]
fn compare_takes_ids_in_any_case_and_names() {
    let canonical = json(&[
        "compare", "--left", "jiangxi", "--right", "henan", "--theme", "finance",
    ]);
    for (left, right, theme) in [
        ("Jiangxi", "HENAN", "Finance"),
        ("江西", "Henan", "资金融通"),
    ] {
        assert_eq!(
            json(&[
                "compare", "--left", left, "--right", right, "--theme", theme
            ]),
            canonical,
            "{left} {right} {theme}"
        );
    }
    let err = fails(&["compare", "--left", "jiangxi", "--right", "atlantis"]);
    assert!(
        err.contains("--right: unknown region \"atlantis\"; valid regions: national, "),
        "{err}"
    );
    let err = fails(&[
        "compare", "--left", "jiangxi", "--right", "henan", "--theme", "money",
    ]);
    assert!(
        err.contains("--theme: unknown theme \"money\"; valid themes: all, connectivity, "),
        "{err}"
    );
}

#[test]
fn pairs_only_leaves_out_what_one_side_alone_says() {
    let args = ["compare", "--left", "hunan", "--right", "guangxi"];
    let full = ok(&args);
    let only = ok(&[&args[..], &["--pairs-only"]].concat());
    assert!(
        full.lines()
            .any(|l| l.starts_with("<<") || l.starts_with(">>"))
    );
    assert!(
        !only
            .lines()
            .any(|l| l.starts_with("<<") || l.starts_with(">>")),
        "{only}"
    );
    let blocks = |text: &str| text.lines().filter(|l| l.starts_with("== ")).count();
    assert_eq!(blocks(&only), blocks(&full));
    assert!(only.lines().count() < full.lines().count());

    // JSON: the blocks where both speak, the pairs untouched.
    let full = json(&args);
    let only = json(&[&args[..], &["--pairs-only"]].concat());
    assert_eq!(only["pairs"], full["pairs"]);
    let kinds: Vec<&str> = only["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert!(!kinds.is_empty() && kinds.iter().all(|&k| k == "both"));

    let err = fails(&[&args[..], &["--view", "targets", "--pairs-only"]].concat());
    assert!(err.contains("--pairs-only is for --view passages"), "{err}");
}

#[test]
fn compare_as_markdown() {
    let md = ok(&[
        "compare", "--left", "jiangxi", "--right", "henan", "--theme", "finance", "--format",
        "markdown",
    ]);
    assert!(
        md.starts_with("# 江西 Jiangxi vs 河南 Henan: 资金融通 Finance\n"),
        "{md}"
    );
    assert!(md.contains("\n## 1. In both (similarity "), "{md}");
    assert!(md.contains("\n| 江西 | 河南 |\n| --- | --- |\n"), "{md}");
    assert!(md.contains("<b>"), "shared terms are marked");
    // Every table row has exactly two cells: no `|` of the text breaks a row.
    for line in md.lines().filter(|l| l.starts_with("| ")) {
        let unescaped = line.replace("\\|", "");
        assert_eq!(unescaped.matches('|').count(), 3, "{line}");
    }
    let only = ok(&[
        "compare",
        "--left",
        "hunan",
        "--right",
        "guangxi",
        "--format",
        "markdown",
        "--pairs-only",
    ]);
    assert!(
        !only.contains("## ") || !only.contains(". Only in "),
        "{only}"
    );

    let targets = ok(&[
        "compare", "--left", "henan", "--right", "chengdu", "--view", "targets", "--format",
        "markdown",
    ]);
    assert!(
        targets.starts_with("# Targets: 河南 Henan vs 成都 Chengdu\n"),
        "{targets}"
    );
    assert!(targets.contains("| 河南 | 成都 |"), "{targets}");
}

#[test]
fn the_built_in_bundle_is_the_shipped_one_and_bundle_reads_another() {
    // From an empty directory: the built-in bundle.
    let regions = json(&["regions"]);
    assert!(
        regions
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "henan")
    );
    let metrics = ok(&["metrics", "--region", "henan"]);
    assert!(metrics.lines().count() > 1, "{metrics}");

    // --bundle reads another: a bundle of one region.
    let dir = Elsewhere::new("other-bundle");
    let corpus = "甘肃省参与“一带一路”建设实施方案 \n\n发布时间：2015-12-09 \n\n来源：甘肃省发改委 \n\n一、畅通陆上通道 \n\n到2020年开行班列500列。 \n";
    fs::write(dir.0.join("c.txt"), corpus).unwrap();
    let bundle = dir.0.join("b.json");
    let o = Command::new(env!("CARGO_BIN_EXE_policy-compare"))
        .args(["bundle", "--corpus", "c.txt", "--out", "b.json"])
        .current_dir(&dir.0)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let docs = json(&["documents", "--bundle", bundle.to_str().unwrap()]);
    assert_eq!(docs.as_array().unwrap().len(), 1);
    assert_eq!(docs[0]["region"], "gansu");

    let err = fails(&["regions", "--bundle", "missing.json"]);
    assert!(err.contains("cannot read missing.json"), "{err}");
}
