//! Search across every plan: against a naive scan of the normalised text (every passage
//! that holds all the terms is found, and nothing else), over queries drawn from the
//! corpus; the queries an analyst types first, by name; and the command line.

use std::collections::BTreeSet;
use std::process::Command;
use std::sync::OnceLock;

use policy_compare::Bundle;
use policy_compare::compare::passages::{self, Passage};
use policy_compare::search::normalise::{fold, normalise};
use policy_compare::search::{Found, Index, Query, ranges};
use proptest::prelude::*;

struct Corpus {
    passages: Vec<Passage>,
    normalised: Vec<String>,
    index: Index,
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let json = std::fs::read_to_string("www/bundle.json").expect("the bundle");
        let bundle = Bundle::from_json(&json).expect("valid");
        let passages = passages::all(&bundle);
        let normalised = passages.iter().map(|p| normalise(&p.text)).collect();
        let index = Index::new(&passages);
        Corpus {
            passages,
            normalised,
            index,
        }
    })
}

/// The passages a naive scan finds: each passage's normalised text checked for each term.
fn naive(query: &Query) -> BTreeSet<usize> {
    let c = corpus();
    if query.is_empty() {
        return BTreeSet::new();
    }
    (0..c.passages.len())
        .filter(|&i| {
            query
                .terms
                .iter()
                .all(|t| c.normalised[i].contains(t.as_str()))
        })
        .collect()
}

fn search(q: &str) -> (Query, Vec<Found>) {
    let c = corpus();
    let query = Query::parse(q);
    let found = c.index.search(&c.passages, &query);
    (query, found)
}

/// What a search finds is what the naive scan finds, once each, best first; and in each
/// passage found, every range marked is a term.
fn check(q: &str) -> Result<(Query, Vec<Found>), String> {
    let c = corpus();
    let (query, found) = search(q);
    let got: BTreeSet<usize> = found.iter().map(|f| f.passage).collect();
    if got.len() != found.len() {
        return Err(format!("{q:?}: a passage found twice"));
    }
    let want = naive(&query);
    if got != want {
        return Err(format!(
            "{q:?} (terms {:?}): found {} passages, the naive scan {}",
            query.terms,
            got.len(),
            want.len()
        ));
    }
    for f in &found {
        let text = &c.passages[f.passage].text;
        let marked = ranges(text, &query);
        if marked.is_empty() {
            return Err(format!("{q:?}: nothing marked in passage {}", f.passage));
        }
        for (s, e) in marked {
            let hit = normalise(&text[s..e]);
            if !query.terms.iter().any(|t| hit.contains(t.as_str())) {
                return Err(format!("{q:?}: marked {hit:?}, which holds no term"));
            }
        }
    }
    Ok((query, found))
}

fn regions(found: &[Found]) -> BTreeSet<&'static str> {
    let c = corpus();
    found
        .iter()
        .map(|f| &*c.passages[f.passage].region)
        .collect()
}

/// A term drawn from the corpus: `len` characters of passage `p` from character `at`,
/// written as a reader might (full-width, with a stray space, in quotes).
fn term(p: usize, at: usize, len: usize, style: u8) -> String {
    let c = corpus();
    let chars: Vec<char> = c.passages[p % c.passages.len()].text.chars().collect();
    let at = at % chars.len().max(1);
    // Without the corpus's quote marks and spaces: half a quotation typed is query syntax.
    let raw: String = chars
        .iter()
        .skip(at)
        .take(len)
        .filter(|&&ch| fold(ch).is_some())
        .collect();
    match style % 4 {
        // Full-width Latin letters and digits.
        0 => raw
            .chars()
            .map(|ch| match ch {
                '!'..='~' => char::from_u32(ch as u32 + 0xfee0).unwrap_or(ch),
                _ => ch,
            })
            .collect(),
        // A phrase in quotes, with a space inside that the quotes keep in the term.
        1 => {
            let mut inner = raw.clone();
            if let Some((i, _)) = raw.char_indices().nth(1) {
                inner.insert(i, ' ');
            }
            format!("“{inner}”")
        }
        _ => raw,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// One to three terms from anywhere in the corpus (so some queries find nothing).
    #[test]
    fn search_finds_what_a_naive_scan_finds(
        terms in prop::collection::vec((0usize..100_000, 0usize..2_000, 1usize..7, any::<u8>()), 1..4)
    ) {
        let q: Vec<String> = terms.iter().map(|&(p, at, len, style)| term(p, at, len, style)).collect();
        check(&q.join(" ")).map_err(TestCaseError::fail)?;
    }

    /// Two terms from one passage: always found, that passage among them.
    #[test]
    fn terms_of_one_passage_find_it(p in 0usize..100_000, a in 0usize..2_000, b in 0usize..2_000, len in 2usize..6) {
        let c = corpus();
        let p = p % c.passages.len();
        prop_assume!(!normalise(&c.passages[p].text).is_empty());
        let q = format!("{} {}", term(p, a, len, 2), term(p, b, len, 3));
        let (query, found) = check(&q).map_err(TestCaseError::fail)?;
        prop_assume!(!query.is_empty());
        prop_assert!(found.iter().any(|f| f.passage == p), "{q:?} misses its own passage");
    }
}

#[test]
fn china_europe_railway_express() {
    let (query, found) = check("中欧班列").unwrap();
    assert_eq!(query.terms, ["中欧班列"]);
    assert!(found.len() >= 4, "{} passages", found.len());
    let regions = regions(&found);
    for r in ["henan", "hunan", "guangxi"] {
        assert!(regions.contains(r), "{r} mentions 中欧班列: {regions:?}");
    }
    let c = corpus();
    for f in &found {
        let text = &c.passages[f.passage].text;
        for (s, e) in ranges(text, &query) {
            assert_eq!(normalise(&text[s..e]), "中欧班列");
        }
    }
}

#[test]
fn cross_border_e_commerce() {
    let (_, found) = check("跨境电商").unwrap();
    assert!(found.len() >= 4, "{} passages", found.len());
    assert!(regions(&found).contains("henan"));
    // Best first: scores never rise down the list, within the same standing.
    for w in found.windows(2) {
        assert!(w[0].score >= w[1].score, "{w:?}");
    }
}

#[test]
fn overseas_economic_and_trade_cooperation_zones_as_a_quoted_phrase() {
    let (query, found) = check("\"境外经贸合作区\"").unwrap();
    assert_eq!(query.terms, ["境外经贸合作区"]);
    assert!(found.len() >= 4, "{} passages", found.len());
    // The quotes typed the Chinese way, and a space inside them, change nothing.
    for q in [
        "“境外经贸合作区”",
        "「境外经贸合作区」",
        "\"境外经贸 合作区\"",
        "境外经贸合作区",
    ] {
        assert_eq!(search(q).1, found, "{q}");
    }
    // Without quotes, the space makes two terms: more passages, never fewer.
    let (_, two) = check("境外经贸 合作区").unwrap();
    assert!(two.len() >= found.len());
}

#[test]
fn a_stray_space_loses_nothing_and_what_stands_together_comes_first() {
    let (query, found) = check("中欧 班列").unwrap();
    assert_eq!(query.terms, ["中欧", "班列"]);
    let (_, whole) = check("中欧班列").unwrap();
    let c = corpus();
    let together = |f: &Found| c.normalised[f.passage].contains("中欧班列");
    for f in &whole {
        assert!(
            found.iter().any(|g| g.passage == f.passage),
            "{f:?} is lost"
        );
    }
    // Those with 中欧班列 first, then those with 中欧 and 班列 apart.
    let first_apart = found
        .iter()
        .position(|f| !together(f))
        .unwrap_or(found.len());
    assert_eq!(first_apart, whole.len());
    assert!(found[first_apart..].iter().all(|f| !together(f)));
    // The space typed full-width is a space too.
    assert_eq!(search("中欧\u{3000}班列").1, found);
}

#[test]
fn width_and_quote_marks_do_not_hide_a_passage() {
    // The plans write “一带一路” with quote marks; a reader types it without.
    let (_, found) = check("一带一路建设").unwrap();
    let c = corpus();
    assert!(
        found
            .iter()
            .any(|f| c.passages[f.passage].text.contains("“一带一路”建设")),
    );
    // Full-width and half-width digits and Latin letters are one.
    assert_eq!(search("２０２０年").1, search("2020年").1);
    assert_eq!(search("ＰＰＰ").1, search("ppp").1);
    assert!(!search("PPP").1.is_empty());
}

#[test]
fn nothing_typed_finds_nothing() {
    for q in ["", "   ", "\"\"", "“ ”"] {
        assert!(search(q).1.is_empty(), "{q:?}");
    }
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_policy-compare"))
        .arg("search")
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn the_command_line_searches_by_region_and_theme() {
    let o = cli(&["中欧班列", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let (_, found) = search("中欧班列");
    assert_eq!(v["total"], found.len());
    let first = &v["regions"][0];
    assert_eq!(first["count"], first["hits"].as_array().unwrap().len());
    // Ranges are in characters, around the term.
    let hit = &first["hits"][0];
    let text: Vec<char> = hit["text"].as_str().unwrap().chars().collect();
    let r = &hit["ranges"][0];
    let (s, e) = (
        r[0].as_u64().unwrap() as usize,
        r[1].as_u64().unwrap() as usize,
    );
    assert_eq!(text[s..e].iter().collect::<String>(), "中欧班列");

    let o = cli(&["中欧班列", "--region", "henan", "--format", "csv"]);
    let csv = String::from_utf8(o.stdout).unwrap();
    // Every CSV starts with a byte order mark (metrics::csv), for spreadsheets.
    assert!(
        csv.starts_with("\u{feff}region,document,title,paragraph,path,themes,score,hits,text\r\n")
    );
    assert!(
        csv.lines().skip(1).all(|l| l.starts_with("henan,")),
        "{csv}"
    );

    let o = cli(&["合作", "--theme", "finance"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("[合作]"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("passages in"));
}

#[test]
fn the_command_line_names_what_is_wrong() {
    let o = cli(&["中欧班列", "--region", "atlantis"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("unknown region \"atlantis\"; valid regions: national"),
        "{err}"
    );
    let o = cli(&["中欧班列", "--theme", "sport"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("valid themes: all, connectivity"));
    let o = cli(&["  "]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("nothing to search for"));
}
