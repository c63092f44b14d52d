//! The widget's state — which regions, theme, view and language, and what is searched or
//! read across all regions — read from the element's attributes, with a clear error for
//! anything the bundle does not have.

use std::fmt;

use super::embed::Embed;
use super::i18n::Lang;
use crate::bundle::Theme;
use crate::bundle::{Bundle, Region};

/// The views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Aligned passages with their differences.
    Passages,
    /// The side-by-side target table.
    Targets,
    /// Coverage per theme and the passages shared most.
    Overview,
    /// Every passage of every region that holds the query.
    Search,
    /// Regions × themes (or × the topics of a theme): how much each says on each.
    Map,
    /// What every region says on one theme or topic.
    Topic,
    /// One canonical indicator (or one theme's targets and baselines) across all regions:
    /// regions × years.
    Indicator,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 7] = [
        View::Passages,
        View::Targets,
        View::Overview,
        View::Search,
        View::Map,
        View::Topic,
        View::Indicator,
    ];

    /// The attribute value.
    pub fn id(self) -> &'static str {
        match self {
            View::Passages => "passages",
            View::Targets => "targets",
            View::Overview => "overview",
            View::Search => "search",
            View::Map => "map",
            View::Topic => "topic",
            View::Indicator => "indicator",
        }
    }

    /// The view with this attribute value.
    pub fn from_id(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == id)
    }
}

/// What the widget shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    /// Left region id.
    pub left: String,
    /// Right region id.
    pub right: String,
    /// The theme, or `None` for all.
    pub theme: Option<Theme>,
    /// The view.
    pub view: View,
    /// The interface language.
    pub lang: Lang,
    /// What is searched for (`query`), as typed; empty for nothing.
    pub query: String,
    /// Search results only from this region (`query-region`), or from all.
    pub query_region: Option<String>,
    /// Search results only under this theme (`query-theme`), or under any.
    pub query_theme: Option<Theme>,
    /// The topic read across regions (`topic`), a topic id of the bundle: checked by the
    /// view that shows it, against the bundle's topics.
    pub topic: Option<String>,
    /// The canonical indicator read across regions (`indicator`), an id of
    /// `src/metrics/indicators.tsv`: checked by the view that shows it, against the
    /// indicators the bundle's statements use.
    pub indicator: Option<String>,
    /// One document of the left region (`left-document`), or all of them.
    pub left_document: Option<String>,
    /// One document of the right region (`right-document`), or all of them.
    pub right_document: Option<String>,
    /// The host page's choices: blocks shown, link target, hash key.
    pub embed: Embed,
}

/// An attribute value the widget cannot use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateError {
    /// The attribute.
    pub attribute: &'static str,
    /// The value given.
    pub value: String,
    /// The values it could have been.
    pub valid: Vec<String>,
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}=\"{}\" is not valid; valid values: {}",
            self.attribute,
            self.value,
            self.valid.join(", ")
        )
    }
}

impl State {
    /// Reads the state from attribute values (`None` when absent). `page_lang` is the
    /// language of the page around the element, the default for `lang`. Missing regions
    /// default to the first two regions with documents.
    pub fn from_attributes(
        get: impl Fn(&str) -> Option<String>,
        page_lang: &str,
        regions: &[Region],
        with_documents: &[&str],
    ) -> Result<State, StateError> {
        // An attribute's value, trimmed; an empty one counts as absent.
        let read = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let valid_regions = || regions.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        let region =
            |attribute: &'static str, default: Option<&&str>| -> Result<String, StateError> {
                match read(attribute) {
                    Some(id) if regions.iter().any(|r| r.id == id) => Ok(id),
                    Some(id) => Err(StateError {
                        attribute,
                        value: id,
                        valid: valid_regions(),
                    }),
                    None => default.map(|d| (*d).to_owned()).ok_or(StateError {
                        attribute,
                        value: String::new(),
                        valid: valid_regions(),
                    }),
                }
            };
        let defaults: Vec<&&str> = with_documents
            .iter()
            .filter(|r| **r != "national")
            .collect();
        let left = region("left", defaults.first().copied())?;
        let right = region("right", defaults.iter().find(|r| ***r != left).copied())?;

        let theme_of = |attribute: &'static str| -> Result<Option<Theme>, StateError> {
            match read(attribute) {
                None => Ok(None),
                Some(v) if v == "all" => Ok(None),
                Some(v) => Theme::from_id(&v).map(Some).ok_or_else(|| StateError {
                    attribute,
                    value: v,
                    valid: std::iter::once("all")
                        .chain(Theme::ALL.iter().map(|t| t.id()))
                        .map(str::to_owned)
                        .collect(),
                }),
            }
        };
        let theme = theme_of("theme")?;
        let view = match read("view") {
            None => View::Passages,
            Some(v) => View::from_id(&v).ok_or_else(|| StateError {
                attribute: "view",
                value: v,
                valid: View::ALL.iter().map(|v| v.id().to_owned()).collect(),
            })?,
        };
        let lang = match read("lang") {
            None => Lang::from_tag(page_lang),
            Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
            Some(v) if Lang::from_tag(&v) == Lang::Zh => Lang::Zh,
            Some(v) => {
                return Err(StateError {
                    attribute: "lang",
                    value: v,
                    valid: vec!["zh".into(), "en".into()],
                });
            }
        };
        let query_region = match read("query-region") {
            Some(id) if id != "all" => Some(region("query-region", None)?),
            _ => None,
        };
        Ok(State {
            left,
            right,
            theme,
            view,
            lang,
            // Not trimmed of inner spaces: they separate terms.
            query: read("query").unwrap_or_default(),
            query_region,
            query_theme: theme_of("query-theme")?,
            topic: read("topic"),
            indicator: read("indicator"),
            left_document: None,
            right_document: None,
            embed: Embed::default(),
        })
    }

    /// Adds what the bundle's documents and topics decide: the `left-document` and
    /// `right-document` chosen, and the [`Embed`]ding.
    pub fn with_embedding(
        mut self,
        get: &dyn Fn(&str) -> Option<String>,
        bundle: &Bundle,
    ) -> Result<State, StateError> {
        for (attribute, region) in [
            ("left-document", &self.left),
            ("right-document", &self.right),
        ] {
            let id = get(attribute).unwrap_or_default().trim().to_owned();
            if id.is_empty() {
                continue;
            }
            let mut valid = Vec::new();
            for d in &bundle.documents {
                if d.region == *region {
                    valid.push(d.id.clone());
                }
            }
            if !valid.contains(&id) {
                return Err(StateError {
                    attribute,
                    value: id,
                    valid,
                });
            }
            if attribute == "left-document" {
                self.left_document = Some(id);
            } else {
                self.right_document = Some(id);
            }
        }
        self.embed = Embed::from_attributes(get, &bundle.topics)?;
        Ok(self)
    }

    /// The left side as the comparison engine takes it: `region` or `region/document`.
    pub fn left_side(&self) -> String {
        side(&self.left, self.left_document.as_deref())
    }

    /// The right side as the comparison engine takes it.
    pub fn right_side(&self) -> String {
        side(&self.right, self.right_document.as_deref())
    }

    /// The attribute values of this state, for reflecting it on the element: the five
    /// that are always there, then those of search, the topic and the indicator views
    /// that are set.
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("left", self.left.clone()),
            ("right", self.right.clone()),
            ("theme", self.theme.map_or("all", |t| t.id()).to_owned()),
            ("view", self.view.id().to_owned()),
            ("lang", self.lang.tag().to_owned()),
        ];
        let optional = [
            ("left-document", self.left_document.clone()),
            ("right-document", self.right_document.clone()),
            ("query", Some(self.query.clone()).filter(|q| !q.is_empty())),
            ("query-region", self.query_region.clone()),
            ("query-theme", self.query_theme.map(|t| t.id().to_owned())),
            ("topic", self.topic.clone()),
            ("indicator", self.indicator.clone()),
        ];
        out.extend(optional.into_iter().filter_map(|(k, v)| Some((k, v?))));
        out
    }
}

fn side(region: &str, document: Option<&str>) -> String {
    match document {
        Some(d) => format!("{region}/{d}"),
        None => region.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::RegionKind;

    fn regions() -> Vec<Region> {
        ["national", "jiangxi", "henan", "sichuan"]
            .iter()
            .map(|id| Region {
                id: (*id).into(),
                zh: String::new(),
                en: String::new(),
                kind: RegionKind::Province,
                parent: None,
            })
            .collect()
    }

    fn read(attrs: &[(&str, &str)], page: &str) -> Result<State, String> {
        let attrs: Vec<(String, String)> = attrs
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        State::from_attributes(
            |name| {
                attrs
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            },
            page,
            &regions(),
            &["national", "jiangxi", "henan"],
        )
        .map_err(|e| e.to_string())
    }

    #[test]
    fn attributes_and_defaults() {
        let s = read(&[], "zh-CN").unwrap();
        assert_eq!((s.left.as_str(), s.right.as_str()), ("jiangxi", "henan"));
        assert_eq!((s.theme, s.view, s.lang), (None, View::Passages, Lang::Zh));
        let s = read(
            &[
                ("left", "henan"),
                ("theme", "finance"),
                ("view", "targets"),
                ("lang", "en"),
            ],
            "zh",
        )
        .unwrap();
        assert_eq!(s.left, "henan");
        assert_eq!(s.right, "jiangxi");
        assert_eq!(
            (s.theme, s.view, s.lang),
            (Some(Theme::Finance), View::Targets, Lang::En)
        );
        assert_eq!(s.attributes()[2], ("theme", "finance".to_owned()));
        assert_eq!(s.attributes().len(), 5, "nothing searched, nothing said");
    }

    #[test]
    fn search_and_topic_attributes() {
        let s = read(
            &[
                ("view", "search"),
                ("query", "  中欧 班列 "),
                ("query-region", "henan"),
                ("query-theme", "trade"),
                ("topic", "rail-freight"),
                ("indicator", " outbound_investment"),
            ],
            "zh",
        )
        .unwrap();
        assert_eq!(s.view, View::Search);
        assert_eq!(s.query, "中欧 班列");
        assert_eq!(s.query_region.as_deref(), Some("henan"));
        assert_eq!(s.query_theme, Some(Theme::Trade));
        assert_eq!(s.topic.as_deref(), Some("rail-freight"));
        let attrs = s.attributes();
        assert_eq!(
            attrs[5..],
            [
                ("query", "中欧 班列".to_owned()),
                ("query-region", "henan".to_owned()),
                ("query-theme", "trade".to_owned()),
                ("topic", "rail-freight".to_owned()),
                ("indicator", "outbound_investment".to_owned()),
            ]
        );
        // `all` is the same as no filter.
        let s = read(&[("query-region", "all"), ("query-theme", "all")], "zh").unwrap();
        assert_eq!((s.query_region, s.query_theme), (None, None));
    }

    #[test]
    fn bad_attributes_name_the_valid_values() {
        assert_eq!(
            read(&[("right", "atlantis")], "en").unwrap_err(),
            "right=\"atlantis\" is not valid; valid values: national, jiangxi, henan, sichuan"
        );
        assert!(
            read(&[("theme", "sport")], "en")
                .unwrap_err()
                .contains("valid values: all, connectivity")
        );
        assert!(
            read(&[("view", "atlas")], "en")
                .unwrap_err()
                .contains("passages, targets, overview, search, map, topic, indicator")
        );
        assert!(
            read(&[("query-region", "atlantis")], "en")
                .unwrap_err()
                .starts_with("query-region=\"atlantis\" is not valid; valid values: national")
        );
        assert!(
            read(&[("query-theme", "sport")], "en")
                .unwrap_err()
                .starts_with("query-theme=\"sport\"")
        );
        assert!(
            read(&[("lang", "fr")], "en")
                .unwrap_err()
                .contains("zh, en")
        );
    }

    #[test]
    fn documents_belong_to_their_region() {
        let json = std::fs::read_to_string("www/bundle.json").expect("bundle");
        let bundle = Bundle::from_json(&json).expect("valid");
        let with = |attrs: &[(&str, &str)]| {
            let get = |name: &str| {
                attrs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            };
            State::from_attributes(get, "en", &bundle.regions, &["jiangxi", "henan"])
                .and_then(|s| s.with_embedding(&get, &bundle))
                .map_err(|e| e.to_string())
        };
        let s = with(&[
            ("left", "national"),
            ("left-document", "national-2017-04-28"),
        ])
        .unwrap();
        assert_eq!(
            (s.left_side().as_str(), s.right_side().as_str()),
            ("national/national-2017-04-28", "jiangxi")
        );
        let attrs = s.attributes();
        assert!(attrs.contains(&("left-document", "national-2017-04-28".to_owned())));
        assert!(!attrs.iter().any(|(k, _)| *k == "right-document"));
        assert_eq!(
            with(&[("left", "henan"), ("left-document", "national-2017-04-28")]).unwrap_err(),
            "left-document=\"national-2017-04-28\" is not valid; valid values: henan-2017-09-28, henan-2016-10-09"
        );
        let s = with(&[("right-document", " ")]).unwrap();
        assert_eq!(s.right_document, None);
        assert!(
            with(&[("topics", "ports nope")])
                .unwrap_err()
                .starts_with("topics=\"nope\" is not valid; valid values: rail-freight, railways,")
        );
    }
}
