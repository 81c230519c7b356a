//! `warta explain`: every fact of an article with the sentence and rule behind it.

use super::Exit;
use crate::extract::{Extraction, Rejected};
use chrono::NaiveDate;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Article files or folders.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    pub published: Option<NaiveDate>,
    /// Language: a registered pack (id, en) or auto.
    #[arg(long, default_value = "auto", value_parser = super::parse_lang)]
    pub lang: crate::lang::LangChoice,
}

fn name(x: &Extraction, e: usize) -> String {
    let ent = x.entities.get(e);
    match ent.side {
        Some(s) if ent.etype == crate::lang::EntityType::Person => {
            format!("{} ({})", ent.label_en, x.entities.get(s).label_en)
        }
        _ => ent.label_en.clone(),
    }
}

fn ev(e: &crate::extract::Evidence) -> String {
    format!("      [{} {:.2}] {}", e.rule, e.confidence, e.text)
}

pub fn print(x: &Extraction) {
    println!("== {} ({}, {})", x.title, x.source, x.lang);
    println!(
        "   published {}, {} sentences, graph {}",
        x.published.map(|d| d.to_string()).unwrap_or("unknown".into()),
        x.sentences.len(),
        crate::rdf::graph_iri(&x.hash)
    );
    for d in &x.demands {
        println!(
            "  demand    {} → {}: {:?}{}",
            name(x, d.by),
            name(x, d.of),
            d.action,
            d.modality.as_ref().map(|m| format!(" ({m})")).unwrap_or_default()
        );
        println!("{}", ev(&d.evidence));
    }
    for r in &x.rejections {
        let what = match r.rejected {
            Rejected::Demand(i) => format!("demand {:?} of {}", x.demands[i].action, name(x, x.demands[i].by)),
            Rejected::Actor(a) => format!("the demands of {}", name(x, a)),
        };
        println!("  rejection {} rejects {what}", name(x, r.by));
        println!("{}", ev(&r.evidence));
    }
    for m in &x.meetings {
        let parts: Vec<String> = m.participants.iter().map(|&p| name(x, p)).collect();
        println!(
            "  meeting   in {} on {}: {}",
            name(x, m.city),
            m.date.map(|d| d.to_string()).unwrap_or("(no date)".into()),
            parts.join(", ")
        );
        for e in &m.evidence {
            println!("{}", ev(e));
        }
    }
    for r in &x.regions {
        let by = [("controlled by", r.controlled_by), ("claimed by", r.claimed_by), ("troops of", r.forces)]
            .iter()
            .filter_map(|(w, e)| e.map(|e| format!(" {w} {}", name(x, e))))
            .collect::<String>();
        println!(
            "  region    {} is {}{}{}",
            name(x, r.region),
            r.status.local_name(),
            by,
            r.since.map(|y| format!(" since {y}")).unwrap_or_default()
        );
        println!("{}", ev(&r.evidence));
    }
    for r in &x.roles {
        println!("  role      {} is {:?} of {}", name(x, r.person), r.title, name(x, r.of));
        println!("{}", ev(&r.evidence));
    }
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let (ok, failures) = super::extract::each_extraction(&a.inputs, a.published, a.lang, |x| {
        print(&x);
        Ok(())
    })?;
    Ok(Exit::for_counts(ok, failures))
}
