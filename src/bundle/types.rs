//! The serialised shape of a bundle, version 1 (`bundle-format.md` in the shared spec).
//!
//! These types are the one definition of the format: the builder writes them and the
//! widget reads them. Readers ignore fields they do not know, so fields can be added
//! within version 1; none of these may change meaning.

use serde::{Deserialize, Serialize};

use super::lexicon::{LexiconGroup, TopicInfo};
use super::metric::Metric;
use super::roles::{Boilerplate, Role};
use super::theme::Theme;

/// The value of [`Bundle::format`].
pub const FORMAT: &str = "policy-compare-bundle";
/// The bundle version this crate writes and reads.
pub const VERSION: u32 = 1;

/// A whole bundle: the corpus it came from, the axes of comparison, and the documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] for bundles this crate writes.
    pub version: u32,
    /// What the bundle was built from.
    pub corpus: CorpusRef,
    /// The theme taxonomy, with the names readers see.
    pub themes: Vec<ThemeInfo>,
    /// Every region a document may belong to.
    pub regions: Vec<Region>,
    /// The documents, in the order of the corpus.
    pub documents: Vec<Document>,
    /// Topics finer than the themes, with their cue words: what passages are about.
    /// (An addition within version 1; a bundle without it is compared by its text alone.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<TopicInfo>,
    /// The corpus's shared vocabulary with its weights: how passages are compared.
    /// (An addition within version 1; a bundle without it gets one made from its text.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lexicon: Vec<LexiconGroup>,
}

/// The corpus file a bundle was built from, so a bundle can be traced to its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusRef {
    /// Path of the corpus relative to the project root, e.g. `data/….txt`.
    pub file: String,
    /// Lower-case hex SHA-256 of the corpus bytes.
    pub sha256: String,
}

/// A theme with its display names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeInfo {
    /// The theme id.
    pub id: Theme,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
}

/// A province, a city, or the national level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// URL-safe id, e.g. `jiangxi`.
    pub id: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
    /// What kind of region this is.
    pub kind: RegionKind,
    /// The province a city belongs to.
    pub parent: Option<String>,
}

/// The administrative level of a region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionKind {
    /// A province, autonomous region or municipality.
    Province,
    /// A city under a province.
    City,
    /// The central government and its ministries.
    National,
}

/// One policy document of the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable, URL-safe, unique within the bundle.
    pub id: String,
    /// The id of the region it belongs to.
    pub region: String,
    /// The title as printed.
    pub title: String,
    /// ISO date (`YYYY-MM-DD`), from 发布时间.
    pub published: String,
    /// Where the compilation took it from, from 来源.
    pub source: String,
    /// The issuing number, from 文件名称, if the document has one.
    pub doc_number: Option<String>,
    /// Text before the first heading: addressee, cover letter, the attached plan's title
    /// and its opening paragraphs. (An addition to the spec, allowed within version 1.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Paragraph>,
    /// The section tree.
    pub sections: Vec<Section>,
    /// Signature blocks (issuer and date); not body text. (Addition within version 1.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<Signature>,
    /// Attachment lines naming documents the compilation does not reproduce, without the
    /// `附件：` label. (Addition within version 1.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
    /// Quantitative statements read from the paragraphs.
    pub metrics: Vec<Metric>,
}

/// A numbered or titled part of a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Unique within the document.
    pub id: String,
    /// The ordinal as written (`（五）`, `第三条`), if the heading has one.
    pub number: Option<String>,
    /// The heading without its ordinal and without a trailing `。`; empty for numbered
    /// items that have no title of their own (articles, list items), and for an unnamed
    /// section ([`Section::is_unnamed`]).
    pub heading: String,
    /// Nesting depth, 1 = top.
    pub level: u8,
    /// Theme ids, strongest first; may be empty.
    pub themes: Vec<Theme>,
    /// The section's own paragraphs, before its subsections.
    pub paragraphs: Vec<Paragraph>,
    /// Subsections, same shape.
    pub sections: Vec<Section>,
}

impl Section {
    /// Whether it has neither ordinal nor heading: the builder's place for text that
    /// follows a section's subsections in the source (a section's own paragraphs are read
    /// before them). It adds nothing to a passage's section path.
    pub fn is_unnamed(&self) -> bool {
        self.number.is_none() && self.heading.is_empty()
    }

    /// How a passage's section path names it: its ordinal and heading as written, or for
    /// a row of a numbered table (`序号 | …`), which the builder numbers with the row's
    /// bare digits and no heading, `第3项`, the document's own word for a row (a path
    /// that ended in a bare `3` meant nothing to a reader).
    pub fn label(&self) -> String {
        let n = self.number.as_deref().unwrap_or("");
        if self.heading.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
            return format!("第{n}项");
        }
        format!("{n}{}", self.heading)
    }
}

/// A paragraph of body text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Unique within the document.
    pub id: String,
    /// The text, with the PDF's artefacts removed and nothing else changed.
    pub text: String,
    /// Theme ids, strongest first; may be empty.
    pub themes: Vec<Theme>,
    /// Why the paragraph is boilerplate, if it is: shown, never compared. (Addition
    /// within version 1.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boilerplate: Option<Boilerplate>,
    /// The kind of section it sits in; `task` when absent. (Addition within version 1.)
    #[serde(default, skip_serializing_if = "Role::is_task")]
    pub role: Role,
}

/// A signature block: who issued the document and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// Issuing bodies, one per name as printed.
    pub issuers: Vec<String>,
    /// ISO date of signature.
    pub date: String,
    /// The date as printed (`2017年12月25日`).
    pub date_text: String,
}

impl Document {
    /// Every section of the document, depth first, in reading order.
    pub fn all_sections(&self) -> Vec<&Section> {
        fn walk<'a>(sections: &'a [Section], out: &mut Vec<&'a Section>) {
            for s in sections {
                out.push(s);
                walk(&s.sections, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, &mut out);
        out
    }

    /// Every paragraph of the document (preamble first), in reading order.
    pub fn all_paragraphs(&self) -> Vec<&Paragraph> {
        let mut out: Vec<&Paragraph> = self.preamble.iter().collect();
        for s in self.all_sections() {
            out.extend(&s.paragraphs);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Section;

    fn section(number: Option<&str>, heading: &str) -> Section {
        Section {
            id: "s1".into(),
            number: number.map(Into::into),
            heading: heading.into(),
            level: 2,
            themes: Vec::new(),
            paragraphs: Vec::new(),
            sections: Vec::new(),
        }
    }

    #[test]
    fn a_table_row_is_named_as_the_document_names_it_not_by_a_bare_number() {
        assert_eq!(section(Some("12"), "").label(), "第12项");
        // Ordinals and headings as written.
        assert_eq!(section(Some("第三条"), "").label(), "第三条");
        assert_eq!(section(Some("（五）"), "").label(), "（五）");
        assert_eq!(section(Some("1、"), "").label(), "1、");
        assert_eq!(
            section(Some("三、"), "加强产业合作").label(),
            "三、加强产业合作"
        );
        assert_eq!(section(Some("2"), "重点项目").label(), "2重点项目");
        assert_eq!(section(None, "附件").label(), "附件");
    }
}
