//! What part a paragraph plays in its plan: boilerplate (never compared) and, for
//! content, the kind of section it sits in (its role), which decides what it may be
//! compared with.
//!
//! Both are closed sets decided by the builder (`crate::roles`) and shipped, so a reader
//! never guesses them from the text again.

use serde::{Deserialize, Serialize};

/// Why a paragraph is boilerplate: text with no policy substance of its own, shown but
/// never paired (the annotators' definition of boilerplate).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Boilerplate {
    /// The document's or the attached plan's title.
    Title,
    /// `各市、县（区）政府，省政府各部门：`
    Addressee,
    /// `现将《…》印发给你们，请认真贯彻执行。`
    CoverLetter,
    /// `为贯彻落实…，制定本方案。` with nothing of its own but the plan's name.
    EnactingFormula,
    /// `牵头单位：省商务厅、省贸促会。`
    AgencyList,
    /// `本条例自2018年1月1日起施行。`
    ScopeClause,
    /// A table's column header (`类别`, `重点项目`).
    TableHeader,
    /// A table cell that names no topic, project or measure (`持续推进。`).
    StatusCell,
    /// A table cell holding only a date.
    DateCell,
    /// A table cell holding only issuing bodies (`商务部、环保部`).
    AgencyCell,
}

impl Boilerplate {
    /// Every reason, in declaration order.
    pub const ALL: [Boilerplate; 10] = [
        Boilerplate::Title,
        Boilerplate::Addressee,
        Boilerplate::CoverLetter,
        Boilerplate::EnactingFormula,
        Boilerplate::AgencyList,
        Boilerplate::ScopeClause,
        Boilerplate::TableHeader,
        Boilerplate::StatusCell,
        Boilerplate::DateCell,
        Boilerplate::AgencyCell,
    ];

    /// The id used in the bundle.
    pub fn id(self) -> &'static str {
        match self {
            Boilerplate::Title => "title",
            Boilerplate::Addressee => "addressee",
            Boilerplate::CoverLetter => "cover-letter",
            Boilerplate::EnactingFormula => "enacting-formula",
            Boilerplate::AgencyList => "agency-list",
            Boilerplate::ScopeClause => "scope-clause",
            Boilerplate::TableHeader => "table-header",
            Boilerplate::StatusCell => "status-cell",
            Boilerplate::DateCell => "date-cell",
            Boilerplate::AgencyCell => "agency-cell",
        }
    }
}

/// The kind of section a content paragraph sits in. Plans share a skeleton (why, guiding
/// thought, goals, tasks, guarantees) and an analyst compares like with like: a goal with
/// a goal or with the task it names, a statement of significance only with another.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A task, measure, project or guarantee: the body of a plan.
    #[default]
    Task,
    /// Text before the first heading with content of its own (history, the plan in brief).
    Preamble,
    /// Why the plan matters: 重大意义, 战略机遇.
    Significance,
    /// How the plan thinks: 指导思想, 基本原则, 总体思路.
    Framing,
    /// Time-bound goals: 发展目标, 近期目标.
    Goal,
    /// What is already there: 建设基础, 现状.
    Background,
}

impl Role {
    /// Every role, in declaration order.
    pub const ALL: [Role; 6] = [
        Role::Task,
        Role::Preamble,
        Role::Significance,
        Role::Framing,
        Role::Goal,
        Role::Background,
    ];

    /// Whether this is the default role (not written in the bundle).
    pub fn is_task(&self) -> bool {
        *self == Role::Task
    }

    /// Whether a passage of this role can be compared with one of `other`: the
    /// annotators' rules 6–8 (goals with goals or tasks, significance only with
    /// significance or a preamble, framing with framing or a preamble). Symmetric.
    pub fn compatible(self, other: Role) -> bool {
        use Role::*;
        let ok = |a: Role, b: Role| match a {
            Significance => matches!(b, Significance | Preamble),
            Preamble => matches!(b, Preamble | Framing | Significance),
            Framing => matches!(b, Framing | Preamble),
            Goal | Task | Background => matches!(b, Goal | Task | Background),
        };
        ok(self, other) && ok(other, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compatibility_is_symmetric() {
        for a in Role::ALL {
            for b in Role::ALL {
                assert_eq!(a.compatible(b), b.compatible(a), "{a:?} {b:?}");
            }
        }
        assert!(Role::Goal.compatible(Role::Task));
        assert!(!Role::Significance.compatible(Role::Task));
    }

    #[test]
    fn ids_are_the_serde_names() {
        for b in Boilerplate::ALL {
            let json = serde_json::to_string(&b).unwrap();
            assert_eq!(json, format!("\"{}\"", b.id()));
        }
    }
}
