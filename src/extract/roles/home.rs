//! The document's own side: the government whose statement it is ("Statement by President
//! Biden on ..." → United States), or the side the pack's press writes from (Indonesia for
//! Indonesian news). Officials named with a domestic title and no side serve it
//! ("Menteri Keuangan Sri Mulyani", "Press Secretary Jen Psaki").

use super::super::antecedents::{statement_author, statement_head};
use super::super::entities::EntityTable;
use super::super::tokens::longest_phrase;
use super::super::{Analysed, Context, EntRef};
use crate::lang::{is_in, EntityType};

/// The side a document speaks from, and how it is known.
pub(super) struct Home {
    pub side: EntRef,
    /// From the headline of a government's statement (not from the pack).
    pub statement: bool,
    /// Token where the author's title starts in the headline ("Statement by |Press Secretary ...").
    pub author_at: Option<usize>,
    /// The article is datelined in the home side's country.
    pub home_dateline: bool,
}

/// The document's side: from a statement's headline, else the pack's press side.
pub(super) fn document_home(ctx: &Context, sents: &[Analysed], table: &mut EntityTable) -> Option<Home> {
    if let Some(s) = sents.first().filter(|s| s.is_title) {
        let h = statement_head(s, ctx.pack);
        if h > 0 {
            return statement_author(s, table, h).map(|side| Home { side, statement: true, author_at: Some(h), home_dateline: false });
        }
    }
    let side = table.intern_key(ctx.pack.lexicon.role.home_side.as_deref()?)?;
    let home_dateline = ctx.dateline_city.is_some_and(|c| in_country(table, c, side));
    Some(Home { side, statement: false, author_at: None, home_dateline })
}

/// Is the place `c` in the country `side` (its capital, or a city of it)?
fn in_country(table: &EntityTable, c: EntRef, side: EntRef) -> bool {
    let city = table.get(c);
    city.capital_of == Some(side) || table.country_key(c) == Some(table.get(side).key.as_str())
}

/// The home side for a title with no side of its own, at token `start` (`len` tokens, the
/// deputy word included) of sentence `s`: a domestic title, and no other side named in the
/// sentence; outside a statement's author line, the sentence or the dateline must be set at home.
pub(super) fn home_side_for(ctx: &Context, s: &Analysed, table: &EntityTable, home: &Home, start: usize, len: usize) -> Option<EntRef> {
    let role = &ctx.pack.lexicon.role;
    let deputy = usize::from(is_in(&role.deputy, &s.tokens[start].lower) && len > 1);
    // "Wakil Presiden" is listed whole: a deputy's title may be domestic when its head is not.
    let domestic = &ctx.pack.phrases().domestic_titles;
    if longest_phrase(&s.tokens, start, domestic) != len && longest_phrase(&s.tokens, start + deputy, domestic) != len - deputy {
        return None;
    }
    // The author's own title: "Statement by [NSC] Spokesperson ...", "by Senior Advisor and Chief Spokesperson ...".
    let author = home.author_at.is_some_and(|h| {
        h <= start
            && start <= h + 3
            && s.tokens[h..start].iter().all(|w| w.is_word && (w.is_capitalised() || is_in(&s.words.coordinators, &w.lower)))
    });
    if home.statement && s.is_title && author {
        return Some(home.side);
    }
    if in_home_entourage(ctx, s, table, home, start) {
        return Some(home.side);
    }
    // In an article set at home, a side named well after the title and its name (the object
    // of what the official says or does: "Menhan X akan merangkul negara tetangga untuk
    // membendung ISIS") does not make the title foreign.
    let reach = if home.home_dateline { start + len + NAME_REACH } else { usize::MAX };
    let sides: Vec<EntRef> =
        s.mentions.iter().filter(|m| !m.coref && m.start < reach).filter_map(|m| side_of(table, home, m.ent)).collect();
    if sides.iter().any(|&e| e != home.side) {
        return None;
    }
    (home.statement || home.home_dateline || sides.contains(&home.side)).then_some(home.side)
}

/// Tokens after a title that its holder's name (and a comma) may take.
const NAME_REACH: usize = 5;

/// The side a mention stands for, as far as the home-side checks go. Media ("CNN
/// Indonesia") serve no side; a city of the home country sets the scene at home.
fn side_of(table: &EntityTable, home: &Home, e: EntRef) -> Option<EntRef> {
    let ent = table.get(e);
    match ent.etype {
        _ if ent.media => None,
        EntityType::City => in_country(table, e, home.side).then_some(home.side),
        EntityType::Country | EntityType::Organization | EntityType::Group => Some(e),
        EntityType::Person => ent.side,
        _ => None,
    }
}

/// "Presiden Joko Widodo didampingi Menteri Keuangan Sri Mulyani, …, dan Duta Besar Indonesia
/// untuk Amerika Serikat …": a title listed after an accompaniment cue, with nothing of
/// another side between the cue and it, serves the home side when the side named last
/// before the cue is the home side. Sides named further on belong to other list items.
fn in_home_entourage(ctx: &Context, s: &Analysed, table: &EntityTable, home: &Home, start: usize) -> bool {
    let cues = &ctx.pack.phrases().entourage;
    let Some(cue) = (0..start).rev().find(|&i| longest_phrase(&s.tokens, i, cues) > 0) else {
        return false;
    };
    let sided = |m: &&crate::extract::entities::Mention| !m.coref;
    let other_between = s
        .mentions
        .iter()
        .filter(sided)
        .filter(|m| m.start > cue && m.start < start)
        .filter_map(|m| side_of(table, home, m.ent))
        .any(|e| e != home.side);
    let before = s
        .mentions
        .iter()
        .filter(sided)
        .filter(|m| m.end <= cue)
        .filter_map(|m| side_of(table, home, m.ent).map(|e| (m.start, e)))
        .max_by_key(|(at, _)| *at);
    !other_between && before.is_some_and(|(_, e)| e == home.side)
}
