//! The widget's own words, in Chinese and English. Text from the bundle (titles, region and
//! theme names) is never translated here: it comes with both names.

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// 中文
    Zh,
    /// English
    En,
}

impl Lang {
    /// From an attribute or a page's `lang`: anything starting with `zh` is Chinese.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The value of the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Every piece of interface text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// 「一带一路规划对比」 / "Belt and Road plans compared"
    Widget,
    /// 「左侧地区」 / "Left region"
    LeftRegion,
    /// 「右侧地区」 / "Right region"
    RightRegion,
    /// 「交换左右」 / "Swap regions"
    Swap,
    /// 「视图」 / "Views"
    Views,
    /// 「段落对照」 / "Passages"
    Passages,
    /// 「目标指标」 / "Targets"
    Targets,
    /// 「概览」 / "Overview"
    Overview,
    /// 「主题」 / "Themes"
    Themes,
    /// 「全部」 / "All"
    AllThemes,
    /// 「正在载入…」 / "Loading…"
    Loading,
    /// 「图例」 / "Legend"
    Legend,
    /// 「两地共有」 / "in both"
    LegendShared,
    /// 「逐字相同的长句」 / "shared word for word"
    LegendReused,
    /// 「位置不同的相同词句」 / "same words, elsewhere"
    LegendMoved,
    /// 「两地都用的词语」 / "terms both use"
    LegendTerms,
    /// 「只看两地都谈到的主题」 / "Only topics both plans address"
    OnlyMatched,
    /// 「上一个共同主题」 / "Previous shared topic"
    PreviousTopic,
    /// 「下一个共同主题」 / "Next shared topic"
    NextTopic,
    /// 「展开」 / "Show"
    ShowRun,
    /// 「显示全文」 / "Show in full"
    ShowInFull,
    /// 「收起全文」 / "Show less"
    ShowLess,
    /// 「收起」 / "Hide"
    HideRun,
    /// 「相似度」 / "similarity"
    Similarity,
    /// 「另一侧无对应段落」 / "no counterpart on the other side"
    NoCounterpart,
    /// 「查看上下文」 / "Show in context"
    ShowContext,
    /// 「收起上下文」 / "Hide context"
    HideContext,
    /// 「前言」 / "Preamble"
    Preamble,
    /// 「指标」 / "Indicator"
    Indicator,
    /// 「数值」 / "Value"
    Value,
    /// 「年份」 / "Year"
    Year,
    /// 「下载 CSV」 / "Download CSV"
    DownloadCsv,
    /// 「没有量化目标」 / "No quantitative targets"
    NoTargets,
    /// 「各主题段落数」 / "Passages per theme"
    PassagesPerTheme,
    /// 「量化目标数」 / "Quantitative targets"
    TargetsPerRegion,
    /// 「两地最相近的段落」 / "Passages the two share most"
    SharedMost,
    /// 「没有相近的段落」 / "No similar passages"
    NothingShared,
    /// 「无法显示对比」 / "The comparison cannot be shown"
    ErrorTitle,
    /// 「排序」 / "Sort by"
    SortBy,
    /// How the indicator column sorts.
    SortByMatch,
    /// 「无文件」 / "no documents": a region listed without a plan of its own.
    NoDocuments,
    /// 「上文」 / "Paragraph before"
    ContextBefore,
    /// 「下文」 / "Paragraph after"
    ContextAfter,
    /// 「上文见上方」: the paragraph before is the passage drawn just above (in the
    /// column, or as the next passage of its plan where the columns stack).
    ShownAbove,
    /// 「下文见下方」: the paragraph after is the passage drawn just below it.
    ShownBelow,
    /// 「跳过段落列表」 / "Skip the passages"
    SkipRows,
    /// 「段落列表结束」 / "End of the passages"
    EndOfRows,
    /// 「差异」 / "Difference"
    Difference,
    /// 「搜索」 / "Search"
    Search,
    /// 「搜索全部规划」 / "Search all plans"
    SearchAll,
    /// How to search, shown before the first search.
    SearchHelp,
    /// 「全局图」 / "Map"
    Map,
    /// 「专题」 / "One topic"
    Topic,
    /// 「地区」 / "Region"
    Region,
    /// 「全部地区」 / "All regions"
    AllRegions,
    /// 「合计」 / "Total"
    Total,
    /// 「在对照中打开」 / "Open in comparison"
    OpenComparison,
    /// 「对照阅读」 / "Compare"
    CompareRegion,
    /// 「专题」 / "Topic" (the topic picker)
    TopicPicker,
    /// 「整个主题」 / "The whole theme"
    WholeTheme,
    /// 「没有相关段落的地区」 / "Regions with nothing on it"
    Silent,
    /// The map's caption.
    MapCaption,
    /// How to read the map.
    MapHint,
    /// 「文件来源」 / "Sources"
    Sources,
    /// 「全部文件」 / "All documents"
    AllDocuments,
    /// 「左侧文件」 / "Left document"
    LeftDocument,
    /// 「右侧文件」 / "Right document"
    RightDocument,
    /// 「文号」 / "No."
    DocNumber,
    /// 「发文机关」 / "Issued by"
    Issuer,
    /// 「发布」 / "Published"
    Published,
    /// 「来源」 / "Source"
    Source,
    /// 「链接」 / "Link": a passage's permalink.
    Link,
    /// 「本主题的链接」 / "Link to this topic": a block's permalink.
    BlockLink,
    /// 「链接已复制」 / "Link copied"
    LinkCopied,
    /// None of the passages the page chose is in the comparison shown.
    NothingChosen,
    /// 「各地区指标」 / "Every region": one indicator across all regions.
    EveryRegion,
    /// 「（现状）」 / " (baseline)": after a value that is a baseline.
    BaselineMark,
    /// 「未列出相关数字的地区」 / "Regions that state no number on it"
    NoNumbers,
}

impl Msg {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use Msg::*;
        let (zh, en) = match self {
            Widget => ("一带一路规划对比", "Belt and Road plans compared"),
            LeftRegion => ("左侧地区", "Left region"),
            RightRegion => ("右侧地区", "Right region"),
            Swap => ("交换左右", "Swap regions"),
            Views => ("视图", "Views"),
            Passages => ("段落对照", "Passages"),
            Targets => ("目标指标", "Targets"),
            Overview => ("概览", "Overview"),
            Themes => ("主题", "Themes"),
            AllThemes => ("全部", "All"),
            Loading => ("正在载入…", "Loading…"),
            Legend => ("图例", "Legend"),
            LegendShared => ("两地共有", "in both"),
            LegendReused => ("逐字相同的长句", "shared word for word"),
            LegendMoved => ("位置不同的相同词句", "same words, elsewhere"),
            LegendTerms => ("两地都用的词语", "terms both use"),
            OnlyMatched => ("只看两地都谈到的主题", "Only topics both plans address"),
            PreviousTopic => ("上一个共同主题", "Previous shared topic"),
            NextTopic => ("下一个共同主题", "Next shared topic"),
            ShowRun => ("展开", "Show"),
            ShowInFull => ("显示全文", "Show in full"),
            ShowLess => ("收起全文", "Show less"),
            HideRun => ("收起", "Hide"),
            Similarity => ("相似度", "similarity"),
            NoCounterpart => ("另一侧无对应段落", "no counterpart on the other side"),
            ShowContext => ("查看上下文", "Show in context"),
            HideContext => ("收起上下文", "Hide context"),
            Preamble => ("前言", "Preamble"),
            Indicator => ("指标", "Indicator"),
            Value => ("数值", "Value"),
            Year => ("年份", "Year"),
            DownloadCsv => ("下载 CSV", "Download CSV"),
            NoTargets => ("没有量化目标", "No quantitative targets"),
            PassagesPerTheme => ("各主题段落数", "Passages per theme"),
            TargetsPerRegion => ("量化目标数", "Quantitative targets"),
            SharedMost => ("两地最相近的段落", "Passages the two share most"),
            NothingShared => ("没有相近的段落", "No similar passages"),
            ErrorTitle => ("无法显示对比", "The comparison cannot be shown"),
            SortBy => ("排序", "Sort by"),
            NoDocuments => ("无文件", "no documents"),
            SortByMatch => (
                "按配对排序：相近的指标在前",
                "Sort: matching indicators first",
            ),
            ContextBefore => ("上文", "Paragraph before"),
            ContextAfter => ("下文", "Paragraph after"),
            ShownAbove => ("上文见上方", "Before: shown above"),
            ShownBelow => ("下文见下方", "After: shown below"),
            SkipRows => ("跳过段落列表", "Skip the passages"),
            EndOfRows => ("段落列表结束", "End of the passages"),
            Difference => ("差异", "Difference"),
            Search => ("搜索", "Search"),
            SearchAll => ("搜索全部规划", "Search all plans"),
            SearchHelp => (
                "在所有地区的规划中搜索：多个词用空格分开（须同时出现），整个短语加引号。",
                "Search every region's plans: words separated by spaces must all appear; put a phrase in quotes.",
            ),
            Map => ("全局图", "Map"),
            Topic => ("专题", "One topic"),
            Region => ("地区", "Region"),
            AllRegions => ("全部地区", "All regions"),
            Total => ("合计", "Total"),
            OpenComparison => ("在对照中打开", "Open in comparison"),
            CompareRegion => ("对照阅读", "Compare"),
            TopicPicker => ("专题", "Topic"),
            WholeTheme => ("整个主题", "The whole theme"),
            Silent => ("没有相关段落的地区", "Regions with nothing on it"),
            MapCaption => (
                "各地区谈及各主题的段落数",
                "Passages of each region on each subject",
            ),
            MapHint => (
                "不含格式性文字。选择数字，阅读该地区在该主题上的段落。",
                "Formal boilerplate not counted. Choose a number to read those passages.",
            ),
            Sources => ("文件来源", "Sources"),
            AllDocuments => ("全部文件", "All documents"),
            LeftDocument => ("左侧文件", "Left document"),
            RightDocument => ("右侧文件", "Right document"),
            DocNumber => ("文号", "No."),
            Issuer => ("发文机关", "Issued by"),
            Published => ("发布", "Published"),
            Source => ("来源", "Source"),
            Link => ("链接", "Link"),
            BlockLink => ("本主题的链接", "Link to this topic"),
            LinkCopied => ("链接已复制", "Link copied"),
            NothingChosen => (
                "页面所选的段落不在这一对比中",
                "None of the passages this page chose is in this comparison",
            ),
            EveryRegion => ("各地区指标", "Every region"),
            BaselineMark => ("（现状）", " (baseline)"),
            NoNumbers => ("未列出相关数字的地区", "Regions that state no number on it"),
        };
        lang.pick(zh, en)
    }
}

/// The legend's words for text found on one side only.
pub fn only_in(lang: Lang, region: &str) -> String {
    match lang {
        Lang::Zh => format!("仅见于{region}"),
        Lang::En => format!("only in {region}"),
    }
}

/// The line under a folded block's side that shows only its first passages.
pub fn more_passages(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("另有 {n} 段"),
        Lang::En if n == 1 => "1 more passage".to_owned(),
        Lang::En => format!("{n} more passages"),
    }
}

/// What the passages view shows, in a sentence: announced to screen readers and shown
/// above the blocks.
pub fn passages_summary(
    lang: Lang,
    (left, right): (&str, &str),
    (blocks, pairs): (usize, usize),
    (left_only, right_only): (usize, usize),
) -> String {
    match lang {
        Lang::Zh => format!(
            "{left} 对 {right}：{blocks} 个共同主题（{pairs} 组对应段落），{left_only} 段{}，{right_only} 段{}",
            only_in(lang, left),
            only_in(lang, right)
        ),
        Lang::En => format!(
            "{left} vs {right}: {blocks} {} both address ({pairs} matched {}), {left_only} {}, {right_only} {}",
            if blocks == 1 { "topic" } else { "topics" },
            if pairs == 1 { "pair" } else { "pairs" },
            only_in(lang, left),
            only_in(lang, right)
        ),
    }
}

/// What a search found, in a sentence: `"中欧班列": 42 passages in 9 regions`.
pub fn search_summary(lang: Lang, query: &str, passages: usize, regions: usize) -> String {
    match lang {
        Lang::Zh => format!("“{query}”：{regions} 个地区，{passages} 段"),
        Lang::En => format!(
            "\"{query}\": {passages} {} in {regions} {}",
            if passages == 1 { "passage" } else { "passages" },
            if regions == 1 { "region" } else { "regions" }
        ),
    }
}

/// What the topic view shows, in a sentence: `Finance: 13 regions`.
pub fn topic_summary(lang: Lang, subject: &str, regions: usize) -> String {
    match lang {
        Lang::Zh => format!("{subject}：{regions} 个地区有相关段落"),
        Lang::En => format!(
            "{subject}: {regions} {} say something on it",
            if regions == 1 { "region" } else { "regions" }
        ),
    }
}

/// What the view of one indicator across regions shows: `Outbound investment: 2 regions`.
pub fn indicator_summary(lang: Lang, subject: &str, regions: usize) -> String {
    match lang {
        Lang::Zh => format!("{subject}：{regions} 个地区"),
        Lang::En => format!(
            "{subject}: {regions} {}",
            if regions == 1 { "region" } else { "regions" }
        ),
    }
}

/// What a region without targets states instead: `Fujian sets no quantitative targets;
/// its plans state 0 baselines and 2 other numbers.`
pub fn no_targets(lang: Lang, region: &str, baselines: usize, other: usize) -> String {
    match lang {
        Lang::Zh => {
            format!("{region}没有量化目标；其规划列有 {baselines} 项现状数据、{other} 项其他数字。")
        }
        Lang::En => format!(
            "{region} sets no quantitative targets; its plans state {baselines} {} and {other} other {}.",
            if baselines == 1 {
                "baseline"
            } else {
                "baselines"
            },
            if other == 1 { "number" } else { "numbers" }
        ),
    }
}

/// A button that shows all of a list: `Show all 12`.
pub fn show_all(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("显示全部 {n} 段"),
        Lang::En => format!("Show all {n}"),
    }
}

/// A folded run of passages one side has: `12 passages only in Guangxi`.
pub fn run_only_in(lang: Lang, n: usize, region: &str) -> String {
    match lang {
        Lang::Zh => format!("{n} 段{}", only_in(lang, region)),
        Lang::En => format!(
            "{n} {} {}",
            if n == 1 { "passage" } else { "passages" },
            only_in(lang, region)
        ),
    }
}

/// How many of the blocks the page chose are shown: `3 of 203 topics`.
pub fn shown_of(lang: Lang, shown: usize, all: usize) -> String {
    match lang {
        Lang::Zh => format!("显示 {shown} / {all} 项"),
        Lang::En => format!("Showing {shown} of {all}"),
    }
}

/// A folded run of boilerplate: `3 formal passages (titles, cover letters…)`.
pub fn boilerplate_run(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{n} 段格式性文字（标题、印发通知、责任单位等）"),
        Lang::En => format!(
            "{n} formal {} (titles, cover letters, agency lists…)",
            if n == 1 { "passage" } else { "passages" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_name_both_sides() {
        assert_eq!(
            passages_summary(Lang::Zh, ("江西", "河南"), (20, 34), (92, 77)),
            "江西 对 河南：20 个共同主题（34 组对应段落），92 段仅见于江西，77 段仅见于河南"
        );
        assert_eq!(
            passages_summary(Lang::En, ("Jiangxi", "Henan"), (1, 1), (0, 2)),
            "Jiangxi vs Henan: 1 topic both address (1 matched pair), 0 only in Jiangxi, 2 only in Henan"
        );
        assert_eq!(
            run_only_in(Lang::En, 12, "Guangxi"),
            "12 passages only in Guangxi"
        );
        assert_eq!(run_only_in(Lang::Zh, 12, "广西"), "12 段仅见于广西");
        assert_eq!(
            search_summary(Lang::En, "中欧班列", 1, 1),
            "\"中欧班列\": 1 passage in 1 region"
        );
        assert_eq!(
            search_summary(Lang::Zh, "中欧班列", 42, 9),
            "“中欧班列”：9 个地区，42 段"
        );
        assert_eq!(
            topic_summary(Lang::Zh, "金融", 13),
            "金融：13 个地区有相关段落"
        );
        assert_eq!(
            indicator_summary(Lang::En, "International students", 1),
            "International students: 1 region"
        );
        assert_eq!(
            no_targets(Lang::En, "Fujian", 0, 2),
            "Fujian sets no quantitative targets; its plans state 0 baselines and 2 other numbers."
        );
        assert_eq!(
            no_targets(Lang::Zh, "福建", 1, 1),
            "福建没有量化目标；其规划列有 1 项现状数据、1 项其他数字。"
        );
    }

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }
}
