//! The comparison axis: the closed set of themes every plan is read against.
//!
//! The ids are part of the public bundle format (`themes.md` in the shared spec), so they
//! are an enum rather than strings: a typo in code fails to compile, and a bundle naming
//! a theme that does not exist fails to load with the field that names it.

use serde::{Deserialize, Serialize};

/// A theme of the taxonomy. The first five are the "five connectivities" (五通) of the 2015
/// Vision and Actions document that every provincial plan answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// 设施联通: transport corridors, logistics, energy and information networks.
    Connectivity,
    /// 贸易畅通: trade, customs, free trade zones, expos.
    Trade,
    /// 产业合作: capacity cooperation, outbound investment, industrial parks.
    Industry,
    /// 资金融通: banking, RMB use, insurance, funds.
    Finance,
    /// 民心相通: culture, tourism, education, health, exchanges.
    Culture,
    /// 科技合作: science, R&D, technology transfer, standards.
    Science,
    /// 生态环保: ecological and environmental cooperation.
    Ecology,
    /// 政策沟通与保障: coordination, institutions, implementation safeguards.
    Policy,
    /// 总体要求: background, guiding ideology, principles, overall goals, layout.
    General,
}

impl Theme {
    /// Every theme, in the order the spec lists them (and the widget shows them).
    pub const ALL: [Theme; 9] = [
        Theme::Connectivity,
        Theme::Trade,
        Theme::Industry,
        Theme::Finance,
        Theme::Culture,
        Theme::Science,
        Theme::Ecology,
        Theme::Policy,
        Theme::General,
    ];

    /// The id used in bundles and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Connectivity => "connectivity",
            Theme::Trade => "trade",
            Theme::Industry => "industry",
            Theme::Finance => "finance",
            Theme::Culture => "culture",
            Theme::Science => "science",
            Theme::Ecology => "ecology",
            Theme::Policy => "policy",
            Theme::General => "general",
        }
    }

    /// The Chinese name readers see.
    pub fn zh(self) -> &'static str {
        match self {
            Theme::Connectivity => "设施联通",
            Theme::Trade => "贸易畅通",
            Theme::Industry => "产业合作",
            Theme::Finance => "资金融通",
            Theme::Culture => "民心相通",
            Theme::Science => "科技合作",
            Theme::Ecology => "生态环保",
            Theme::Policy => "政策沟通与保障",
            Theme::General => "总体要求",
        }
    }

    /// The English name readers see.
    pub fn en(self) -> &'static str {
        match self {
            Theme::Connectivity => "Connectivity",
            Theme::Trade => "Trade",
            Theme::Industry => "Industry",
            Theme::Finance => "Finance",
            Theme::Culture => "People & culture",
            Theme::Science => "Science & technology",
            Theme::Ecology => "Ecology",
            Theme::Policy => "Policy & coordination",
            Theme::General => "General",
        }
    }

    /// The theme with this id, if any.
    pub fn from_id(id: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_serde_and_from_id() {
        for theme in Theme::ALL {
            let json = serde_json::to_string(&theme).unwrap();
            assert_eq!(json, format!("\"{}\"", theme.id()));
            assert_eq!(Theme::from_id(theme.id()), Some(theme));
        }
        assert_eq!(Theme::from_id("trad"), None);
    }
}
