//! The regions of this corpus and how a document is assigned to one.
//!
//! A document belongs to the region its title names first: `河南省人民政府印发郑州—卢森堡…`
//! is Henan's (a provincial government's plan about one of its cities belongs to the
//! province), `湖南对接国家…` is Hunan's. A title naming no known region belongs to the
//! national level if it or its source starts with a national body; anything else, and any
//! title naming a province or city we do not know, is an error, so that a new document
//! from an unknown province is noticed rather than filed under `national`.

use crate::bundle::{Region, RegionKind};

/// A region this builder knows, with the names titles use for it.
#[derive(Clone, Copy, Debug)]
pub struct RegionSpec {
    /// URL-safe id.
    pub id: &'static str,
    /// Chinese name.
    pub zh: &'static str,
    /// English name.
    pub en: &'static str,
    /// Administrative level.
    pub kind: RegionKind,
    /// The province of a city.
    pub parent: Option<&'static str>,
    /// How titles name it.
    pub names: &'static [&'static str],
}

const fn province(
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    names: &'static [&'static str],
) -> RegionSpec {
    RegionSpec {
        id,
        zh,
        en,
        kind: RegionKind::Province,
        parent: None,
        names,
    }
}

/// Every region, in the order the bundle lists them.
pub const REGIONS: [RegionSpec; 15] = [
    RegionSpec {
        id: "national",
        zh: "国家",
        en: "National",
        kind: RegionKind::National,
        parent: None,
        names: &[],
    },
    province("tianjin", "天津", "Tianjin", &["天津"]),
    province("hebei", "河北", "Hebei", &["河北"]),
    province("zhejiang", "浙江", "Zhejiang", &["浙江"]),
    province("fujian", "福建", "Fujian", &["福建"]),
    province("jiangxi", "江西", "Jiangxi", &["江西"]),
    province("henan", "河南", "Henan", &["河南"]),
    province("hunan", "湖南", "Hunan", &["湖南"]),
    province("guangdong", "广东", "Guangdong", &["广东"]),
    province("guangxi", "广西", "Guangxi", &["广西"]),
    province("shaanxi", "陕西", "Shaanxi", &["陕西"]),
    province("gansu", "甘肃", "Gansu", &["甘肃"]),
    province("sichuan", "四川", "Sichuan", &["四川"]),
    RegionSpec {
        id: "xian",
        zh: "西安",
        en: "Xi'an",
        kind: RegionKind::City,
        parent: Some("shaanxi"),
        names: &["西安"],
    },
    RegionSpec {
        id: "chengdu",
        zh: "成都",
        en: "Chengdu",
        kind: RegionKind::City,
        parent: Some("sichuan"),
        names: &["成都"],
    },
];

/// How the central government's titles and sources begin.
const NATIONAL_BODIES: [&str; 9] = [
    "国务院",
    "中国人民银行",
    "国家",
    "科技部",
    "财政部",
    "商务部",
    "中国保监会",
    "中国政府网",
    "中国一带一路网",
];

/// Words by which a title names a local government.
const LOCAL_MARKERS: [&str; 4] = ["省", "市", "自治区", "县"];

/// The region a document belongs to, from its title (and, for national documents, its
/// source). `None` when neither names anything known.
pub fn assign(title: &str, source: &str) -> Option<&'static RegionSpec> {
    let named = REGIONS
        .iter()
        .flat_map(|r| r.names.iter().map(move |n| (r, n)))
        .filter_map(|(r, n)| title.find(n).map(|at| (at, r)))
        .min_by_key(|(at, _)| *at);
    if let Some((_, region)) = named {
        return Some(region);
    }
    if LOCAL_MARKERS.iter().any(|m| title.contains(m)) {
        return None;
    }
    let national = NATIONAL_BODIES
        .iter()
        .any(|b| title.starts_with(b) || source.starts_with(b));
    national.then_some(&REGIONS[0])
}

/// The ids of every known region, for error messages.
pub fn ids() -> Vec<&'static str> {
    REGIONS.iter().map(|r| r.id).collect()
}

/// The bundle's `regions` list.
pub fn bundle_regions() -> Vec<Region> {
    REGIONS
        .iter()
        .map(|r| Region {
            id: r.id.to_owned(),
            zh: r.zh.to_owned(),
            en: r.en.to_owned(),
            kind: r.kind,
            parent: r.parent.map(str::to_owned),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(title: &str, source: &str) -> Option<&'static str> {
        assign(title, source).map(|r| r.id)
    }

    #[test]
    fn the_first_region_named_wins() {
        assert_eq!(
            id(
                "河南省人民政府印发郑州—卢森堡“空中丝绸之路”建设专项规划（2017—2025年）",
                ""
            ),
            Some("henan")
        );
        assert_eq!(
            id("湖南对接国家＂一带一路＂战略工作方案", ""),
            Some("hunan")
        );
        assert_eq!(
            id(
                "浙江省发展改革委关于印发《宁波“一带一路”建设综合试验区总体方案》的通知",
                ""
            ),
            Some("zhejiang")
        );
        assert_eq!(
            id("中国（浙江）自由贸易试验区条例", "浙江日报"),
            Some("zhejiang")
        );
        assert_eq!(id("西安市“一带一路”建设2016年行动计划", ""), Some("xian"));
    }

    #[test]
    fn national_documents_are_recognised_by_title_or_source() {
        assert_eq!(
            id(
                "对外投资合作和对外贸易领域不良信用记录试行办法",
                "商务部网站"
            ),
            Some("national")
        );
        assert_eq!(
            id(
                "关于提高科技型中小企业研究开发费用税前加计扣除比例的通知",
                "财政部、税务总局、科技部"
            ),
            Some("national")
        );
        assert_eq!(id("某市行动计划", "某市政府网"), None);
        assert_eq!(id("某某省对接国家战略方案", "中国一带一路网"), None);
        assert_eq!(
            id("企业对外投资政策文件汇编", "中国一带一路网"),
            Some("national")
        );
    }

    #[test]
    fn cities_point_to_their_province() {
        let regions = bundle_regions();
        for r in &regions {
            if let Some(parent) = &r.parent {
                assert!(
                    regions
                        .iter()
                        .any(|p| &p.id == parent && p.kind == RegionKind::Province)
                );
            }
        }
    }
}
