//! The facts an article yields, each with its evidence, and the extraction that holds them.

use super::entities::EntityTable;
use super::{EntRef, RegionStatusKind};
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// Where a fact comes from: the sentence, its span, the rule, a confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub sentence: usize,
    /// Character (Unicode scalar) offsets in the normalised text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub rule: &'static str,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Demand {
    pub by: EntRef,
    pub of: EntRef,
    pub action: String,
    pub stated_by: Option<EntRef>,
    pub modality: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Rejected {
    Demand(usize),
    Actor(EntRef),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    pub by: EntRef,
    pub rejected: Rejected,
    pub stated_by: Option<EntRef>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub city: EntRef,
    pub date: Option<NaiveDate>,
    pub participants: BTreeSet<EntRef>,
    pub modality: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RegionStatus {
    pub region: EntRef,
    pub status: RegionStatusKind,
    pub controlled_by: Option<EntRef>,
    pub claimed_by: Option<EntRef>,
    pub forces: Option<EntRef>,
    pub since: Option<i32>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub person: EntRef,
    pub title: String,
    pub of: EntRef,
    pub evidence: Evidence,
}

/// Everything extracted from one article.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub hash: String,
    pub title: String,
    pub source: String,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub lang: &'static str,
    pub text: String,
    pub sentences: Vec<String>,
    pub entities: EntityTable,
    pub demands: Vec<Demand>,
    pub rejections: Vec<Rejection>,
    pub meetings: Vec<Meeting>,
    pub regions: Vec<RegionStatus>,
    pub roles: Vec<Role>,
}

impl Extraction {
    /// Facts of every kind: demands, rejections, meetings, region statuses, roles.
    pub fn fact_count(&self) -> usize {
        self.demands.len() + self.rejections.len() + self.meetings.len() + self.regions.len() + self.roles.len()
    }
}
