//! Language packs: the gazetteer shared by all languages and each language's lexicon,
//! shipped inside the binary and parsed once.

mod choice;
mod dates;
pub mod gazetteer;
pub mod tokens;

use serde::Deserialize;
use std::sync::OnceLock;

pub use choice::LangChoice;
pub use dates::DateLex;
pub use gazetteer::{EntityDef, EntityType, Gazetteer};

#[derive(Debug, Deserialize)]
pub struct Lexicon {
    #[serde(default)]
    pub detect: Detect,
    pub demand: DemandLex,
    pub reject: RejectLex,
    pub meeting: MeetingLex,
    pub region: RegionLex,
    pub role: RoleLex,
    pub grammar: GrammarLex,
    pub words: Words,
    #[serde(default)]
    pub dates: DateLex,
    /// Each rule's measured precision on the gold sets (`warta eval --calibration`);
    /// a rule not listed keeps the confidence its code gives.
    #[serde(default)]
    pub confidence: std::collections::BTreeMap<String, Calibration>,
}

/// A rule's measured precision and the mean confidence its code gave the facts measured.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Calibration {
    pub measured: f32,
    pub coded: f32,
}

impl Calibration {
    /// A fact's calibrated confidence: its coded one scaled so that the rule's facts
    /// average the measured precision (below 1: no rule is certain).
    pub fn apply(self, coded: f32) -> f32 {
        if self.coded <= 0.0 {
            return self.measured;
        }
        (coded * self.measured / self.coded).clamp(0.0, 0.99)
    }
}

/// Words that identify the language of a text.
#[derive(Debug, Default, Deserialize)]
pub struct Detect {
    pub stopwords: Vec<String>,
}

/// Function words and morphology the rules rely on, by job (see the lexicon files).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Words {
    pub coordinators: Vec<String>,
    pub articles: Vec<String>,
    /// "mendesak semua pasukan pimpinan AS": a quantifier before an article-headed side.
    pub quantifiers: Vec<String>,
    /// "pasukan pimpinan AS" (US-led forces): after the head noun, the side that leads it.
    pub led_by: Vec<String>,
    pub demonstratives_after: Vec<String>,
    pub demonstratives_before: Vec<String>,
    pub location_preps: Vec<String>,
    pub direction_preps: Vec<String>,
    pub agent_preps: Vec<String>,
    pub addressee_preps: Vec<String>,
    pub with_preps: Vec<String>,
    pub inclusion: Vec<String>,
    /// "Negara-negara tersebut di antaranya A, B dan C", "These countries include A and B":
    /// words opening the list of a plural group's members.
    pub member_list_openers: Vec<String>,
    /// "54 negara yang tergabung dalam Uni Afrika, menuntut ...", "the members of the bloc,
    /// demanded ...": a subject naming an organisation's members; the organisation acts.
    pub member_of: Vec<String>,
    pub relatives: Vec<String>,
    pub copulas: Vec<String>,
    pub prepositions: Vec<String>,
    pub topic_preps: Vec<String>,
    pub region_nouns: Vec<String>,
    pub collective: std::collections::BTreeMap<String, usize>,
    pub cardinals: Vec<String>,
    pub group_nouns: Vec<String>,
    /// "aktivis China", "warga Iran": words before a country naming its people, not its
    /// state; such a list member is no actor ("kelompok HAM, negara Barat dan aktivis China
    /// mendesak Beijing").
    #[serde(default)]
    pub people_of: Vec<String>,
    /// Group nouns for people ("the two leaders"): the sides of the people last named, before other actors.
    pub person_group_nouns: Vec<String>,
    pub person_pronouns: Vec<String>,
    /// Names that stand for their entity only bare: "the Security Council" is the UN's, not in
    /// "Russia's Security Council", "Dewan Keamanan Nasional" or "Security Council of Ukraine".
    pub context_names: Vec<String>,
    /// "Ini juga meminta …", "It also called on …": opening a sentence before a verb, the
    /// organisation that was the last sentence's subject.
    pub org_pronouns: Vec<String>,
    pub plural_pronouns: Vec<String>,
    pub speaker_side: Vec<String>,
    pub first_person: Vec<String>,
    /// A headline opening with one of these ("Statement by", "Siaran pers") names the text's
    /// author: first person outside quotes is the author's side, and officials named with a
    /// domestic title and no side serve it.
    pub statement_heads: Vec<String>,
    /// "all parties", "both sides", "semua pihak": in a statement whose headline names a call
    /// or meeting with a counterpart, the counterpart's side (when no group of that size precedes).
    pub all_parties: Vec<String>,
    /// "menyerukan gencatan senjata antara X dan Y": the sides between whom a demanded action is
    /// to happen are its addressees when no one else is asked.
    pub between: Vec<String>,
    /// "in Germany's capital, Berlin", "di ibu kota Jerman, Berlin": the word before the city's apposition.
    #[serde(default)]
    pub capital_words: Vec<String>,
    /// "pertempuran antara X dan Y", "fighting between X and Y": the two sides of a conflict, whom
    /// "semua pihak" / "all parties" means when no call or meeting names a counterpart.
    pub conflict_nouns: Vec<String>,
    pub org_heads: Vec<String>,
    /// Head nouns that point back to an organization only ("the alliance", "the bloc"), not a group.
    pub organization_heads: Vec<String>,
    /// Documents that speak for the body that adopted them ("the resolution urges ...",
    /// "resolusi itu mendesak ..."): they point back to the last body that issued one.
    pub document_heads: Vec<String>,
    /// "adopted", "mengesahkan": the subject of a sentence with one of these and a document
    /// issued it.
    pub issue_verbs: Vec<String>,
    /// A country's offices ("the ministry", "kementerian itu"): they point back to the country
    /// whose office was last named ("the Russian Foreign Ministry", "Kemlu RI").
    pub office_heads: Vec<String>,
    /// "the court", "the agency": head nouns of a body's name that point back to a recent
    /// organisation with that word in its name ("the International Court of Justice").
    pub body_heads: Vec<String>,
    /// "UN member states": words after a body's name that make the phrase its members.
    pub member_heads: Vec<String>,
    /// Object pronouns that point back to the last addressee ("urged it to ...").
    pub object_pronouns: Vec<String>,
    /// Bare verb forms that open a coordinated demanded action ("cease ..., release ... and restore ...").
    pub base_verbs: Vec<String>,
    pub country_heads: Vec<String>,
    /// Heads that stand for the country with "in X" after them ("the transitional government in
    /// Mali", "otoritas di Myanmar").
    #[serde(default)]
    pub heads_in_place: Vec<String>,
    /// "Syria's opposition": heads after a party's possessive that name its opponents, not it.
    #[serde(default)]
    pub opponent_heads: Vec<String>,
    /// Words like `articles` before an actor in a chain of actors only.
    #[serde(default)]
    pub actor_articles: Vec<String>,
    /// Heads that stand for the country only with "of X" after them ("the military authorities
    /// of Myanmar"); alone they refer to nobody.
    #[serde(default)]
    pub heads_of_named: Vec<String>,
    /// Offices that stand for the side named after "of" ("the King of Jordan", "the Prime
    /// Minister of Israel" asked to act: Jordan, Israel).
    #[serde(default)]
    pub offices_of_named: Vec<String>,
    /// Verbs of receiving a guest ("welcomed X to the White House"): a meeting cue only with
    /// an actor as object, and a place after "to" as well as "in"/"at".
    pub host_verbs: Vec<String>,
    /// "traveled to Beijing to meet ...", "visited Pyongyang and held talks ...": verbs of travel
    /// whose destination places a meeting told after them in the sentence.
    pub travel_verbs: Vec<String>,
    /// Before a travel verb's destination ("to Beijing", "in Riyadh"; not "from").
    pub destination_preps: Vec<String>,
    /// "traveled to Cairo, where he met ...": a relative word that places what follows in the city before it.
    pub place_relatives: Vec<String>,
    /// After a head noun, introduces the name it stands for: "the Government of Sudan" is Sudan.
    pub head_of: Vec<String>,
    pub group_head_aliases: Vec<String>,
    pub according_to: Vec<String>,
    pub according_to_self: Vec<String>,
    pub also: Vec<String>,
    pub verb_prefixes: std::collections::BTreeMap<String, usize>,
    pub verb_suffixes: std::collections::BTreeMap<String, usize>,
    /// Prefixes that make a verb only in lower case ("di" vs the name "Diana").
    pub lowercase_verb_prefixes: Vec<String>,
    pub verb_words: Vec<String>,
    pub not_verbs: Vec<String>,
    pub refusal_fillers: Vec<String>,
    pub demand_like: Vec<String>,
    /// "the U.S.-led proposal", "a Qatari-brokered plan": the actor before the hyphen made it.
    #[serde(default)]
    pub authored_compounds: Vec<String>,
    pub stem_prefixes: Vec<String>,
    pub stem_suffixes: Vec<String>,
    pub stopwords: Vec<String>,
    pub clause_openers: Vec<String>,
    pub agent_fillers: Vec<String>,
    pub region_lead_in: Vec<String>,
    pub region_lead_out: Vec<String>,
    pub list_glue: Vec<String>,
    pub join_cues: Vec<String>,
    pub agent_after_prefixes: Vec<String>,
    pub agent_after_cues: Vec<String>,
    pub active_prefixes: Vec<String>,
    pub name_particles: Vec<String>,
    pub ranks: Vec<String>,
    pub institutions: Vec<String>,
    pub institution_heads: Vec<String>,
    pub role_for: Vec<String>,
    /// "China's top nuclear envoy": lower-case words between a side named first and its title.
    pub title_modifiers: Vec<String>,
    /// "Israel's UN Ambassador": titles of a member's envoy to an organisation named before them.
    pub envoy_heads: Vec<String>,
    pub not_places: Vec<String>,
    /// "hingga", "until": what follows is an end, not a date of the event.
    pub until: Vec<String>,
    /// Possessive markers after the possessor ("'s" in "Russia's"), as the tokenizer splits them.
    pub possessives: Vec<String>,
    /// Words for a capital before its country ("ibu kota Filipina").
    pub capital_before: Vec<String>,
    /// Words for a capital after its country or demonym ("the Indonesian capital").
    pub capital_after: Vec<String>,
}

/// Is `w` (already lower-cased where the list is) in `list`?
pub fn is_in(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x == w)
}

impl Words {
    /// A verb by the language's morphology or word list.
    pub fn is_verb_word(&self, lower: &str, capitalised: bool) -> bool {
        if is_in(&self.not_verbs, lower) {
            return false;
        }
        let n = lower.chars().count();
        is_in(&self.verb_words, lower)
            || self
                .verb_prefixes
                .iter()
                .any(|(p, min)| lower.starts_with(p.as_str()) && n >= *min && !(capitalised && is_in(&self.lowercase_verb_prefixes, p)))
            || self.verb_suffixes.iter().any(|(p, min)| lower.ends_with(p.as_str()) && n >= *min)
    }

    /// "kedua" → 2, "three" → 3.
    pub fn collective_number(&self, lower: &str) -> Option<usize> {
        self.collective.get(lower).copied()
    }
}

#[derive(Debug, Deserialize)]
pub struct DemandLex {
    pub verbs: Vec<String>,
    pub weak_verbs: Vec<String>,
    pub passive: Vec<String>,
    pub nouns: Vec<String>,
    pub complementisers: Vec<String>,
    /// Complementisers after a demand noun ("tuntutan X agar ..."); default: all but the last of `complementisers`.
    #[serde(default)]
    pub noun_complementisers: Vec<String>,
    pub addressee_preps: Vec<String>,
    /// Things one asks a party to give ("meminta jaminan China", "demanded assurances from
    /// Moscow"): the actor after them (or after `requested_from`) is the addressee.
    #[serde(default)]
    pub requested_things: Vec<String>,
    #[serde(default)]
    pub requested_from: Vec<String>,
    /// "requested the extradition of X from Chile", "meminta ekstradisi X dari Australia": a
    /// transfer of someone asked of the party after "from", past the one to be handed over.
    #[serde(default)]
    pub transfers: Vec<String>,
    /// "'Both sides need to de-escalate,' Borrell said": a need of the subject told in a
    /// quotation is the speaker's demand of the subject.
    #[serde(default)]
    pub needs: Vec<String>,
    /// "the statement from the African Union calling on Russia to ...": participles that make
    /// a demand of the text a `sources` noun names, whose author follows `source_preps`.
    /// "asked Tokyo for an apology": before a requested thing (`requested_things`) after the addressee.
    #[serde(default)]
    pub request_preps: Vec<String>,
    /// "warned Manila to stop …": weak demand verbs that ask only through these complementisers
    /// ("warned that …" only warns).
    #[serde(default)]
    pub warn_verbs: Vec<String>,
    #[serde(default)]
    pub warn_complementisers: Vec<String>,
    /// "stressed that Israel must ...": verbs whose "that"-clause with a modal of obligation is a demand.
    #[serde(default)]
    pub deontic_verbs: Vec<String>,
    /// "must", "should", "needs to": the modal that makes such a clause a demand.
    #[serde(default)]
    pub deontic_modals: Vec<String>,
    /// Nouns whose "of X" names who is to act: "called for the support of the Government of X".
    #[serde(default)]
    pub agent_nominals: Vec<String>,
    #[serde(default)]
    pub participles: Vec<String>,
    /// "Israel menerima tuntutan Hamas": verbs meeting a demand; their subject is the one asked.
    #[serde(default)]
    pub accept_verbs: Vec<String>,
    /// "tuntutan Hamas, yang mencakup …": words after a demand noun opening what is demanded.
    #[serde(default)]
    pub content_openers: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub source_preps: Vec<String>,
    /// "meminta konsultasi dengan China": talks asked for with a party ask that party.
    #[serde(default)]
    pub talk_nouns: Vec<String>,
    #[serde(default)]
    pub talk_preps: Vec<String>,
    #[serde(default)]
    pub talk_verbs: Vec<String>,
    /// "a courtesy call on X": words before a demand verb that make it a noun (asking only
    /// with a complementiser).
    #[serde(default)]
    pub noun_markers: Vec<String>,
    /// "bersikeras bahwa …": complementisers through which a weak verb only asserts.
    #[serde(default)]
    pub assertive_complementisers: Vec<String>,
    /// "told the council that …": after a weak verb's addressee, what is told, not asked
    /// (unless the clause has a modal of obligation).
    #[serde(default)]
    pub told_complementisers: Vec<String>,
    /// "is urging", "has been pressing": auxiliaries that make a demand participle the verb.
    #[serde(default)]
    pub progressive_aux: Vec<String>,
    /// "Indonesia berharap Myanmar dapat memulihkan …": weak verbs of wanting whose addressee
    /// may be followed by a modal of `hope_openers` or straight by a verb, without a complementiser.
    #[serde(default)]
    pub hope_verbs: Vec<String>,
    /// "said the Australian government should …", "Ukraine's troops must …": head nouns after a
    /// named party (and its possessive) that leave the party the one obliged.
    #[serde(default)]
    pub obliged_heads: Vec<String>,
    /// "Russian troops must be withdrawn": participles that, on a party's own troops, still
    /// put the action on the party.
    #[serde(default)]
    pub withdrawn: Vec<String>,
    #[serde(default)]
    pub hope_openers: Vec<String>,
}

impl DemandLex {
    pub fn noun_complementisers(&self) -> &[String] {
        if self.noun_complementisers.is_empty() {
            &self.complementisers
        } else {
            &self.noun_complementisers
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct RejectLex {
    pub verbs: Vec<String>,
    pub phrases: Vec<String>,
    pub non_demand_objects: Vec<String>,
    /// Objects that refuse a demand only when an actor's possessive names who made it
    /// ("rejected Vietnam's protest", "dismissed Tokyo's concerns"), never bare.
    #[serde(default)]
    pub possessed_objects: Vec<String>,
    /// Verbs of denial: a refusal only of a demand noun ("membantah tuntutan itu").
    #[serde(default)]
    pub denial_verbs: Vec<String>,
    /// Passive refusals after a demand noun ("permintaan X ditolak Y", "X's demands were
    /// rejected by Y"); in English only after an auxiliary of `passive_aux`.
    #[serde(default)]
    pub passive_verbs: Vec<String>,
    #[serde(default)]
    pub passive_aux: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct MeetingLex {
    pub verbs: Vec<String>,
    pub nouns: Vec<String>,
    pub anaphors: Vec<String>,
    pub remote: Vec<String>,
    pub not_meetings: Vec<String>,
    pub participant_stops: Vec<String>,
    /// "kata X setelah bertemu dengan Y", "X said after meeting Y": right before the cue, the
    /// speaker met Y.
    #[serde(default)]
    pub speaker_after: Vec<String>,
    /// After the cue, in its clause: a preposition before a place the gazetteer lacks or
    /// another country ("bertemu ... di Adana"), so the meeting is not at the dateline city.
    #[serde(default)]
    pub away_after: Vec<String>,
    /// The same before the cue ("kunjungan ke Meksiko untuk melakukan pertemuan").
    #[serde(default)]
    pub away_before: Vec<String>,
    /// How many sentences back an undated meeting looks for its date ("... pada Minggu (25/9)
    /// memberitahu Netanyahu ... Dalam pertemuan dengan Netanyahu di New York, ...").
    #[serde(default)]
    pub date_look_back: usize,
    /// "pekan lalu", "last month": a time the clause gives without its day; such a meeting
    /// has no date rather than the day of the report.
    #[serde(default)]
    pub vague_times: Vec<String>,
    /// "cancelled talks …", "… was postponed", "ditunda": a meeting called off was not held.
    #[serde(default)]
    pub called_off: Vec<String>,
    /// "summoned China's ambassador", "memanggil Duta Besar Brasil": a government called a
    /// foreign envoy in; the two sides met in the summoner's capital.
    #[serde(default)]
    pub summon_verbs: Vec<String>,
    /// The envoys one summons ("ambassador", "kuasa usaha").
    #[serde(default)]
    pub envoys: Vec<String>,
    /// Words after the verb that make it a recall of one's own envoy ("memanggil pulang").
    #[serde(default)]
    pub recalled: Vec<String>,
    /// "membahas <topic> dengan X": a talk with X when "dengan" and an actor follow the
    /// verb closely; the topic between is no participant.
    #[serde(default)]
    pub discuss_verbs: Vec<String>,
    /// "Acara tersebut juga dihadiri oleh X": X attended the meeting told before.
    #[serde(default)]
    pub attended_by: Vec<String>,
    /// "kunjungan kehormatan kepada PM X", "paid a courtesy call on X": the host after these
    /// words is at the table.
    #[serde(default)]
    pub host_preps: Vec<String>,
    /// Nouns of an event that "acara tersebut"-style anaphors name, beside the meeting nouns.
    #[serde(default)]
    pub event_nouns: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct RegionLex {
    /// "X adalah bagian dari <Country>": a claim on X (contested), claimed by the country.
    #[serde(default)]
    pub claimed_part: Vec<String>,
    pub annexed: Vec<String>,
    pub breakaway: Vec<String>,
    pub occupied: Vec<String>,
    pub contested: Vec<String>,
    pub presence: Vec<String>,
    pub presence_verbs: Vec<String>,
    /// "pasukannya", "its troops": forces owned by the clause's subject ("Militer Israel
    /// mengatakan pasukannya akan tetap berada di …").
    #[serde(default)]
    pub owned_presence: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct RoleLex {
    pub titles: Vec<String>,
    pub of_words: Vec<String>,
    pub counterpart: Vec<String>,
    /// "Wakil", "Deputy": before any title, a title of its own ("Wakil Duta Besar").
    #[serde(default)]
    pub deputy: Vec<String>,
    /// "Presiden interim Ukraina X": words right after a title that belong to it.
    #[serde(default)]
    pub modifiers_after: Vec<String>,
    /// Titles a government gives its own officials ("Menteri Keuangan", "Press Secretary"):
    /// named with no side, they serve the document's own side.
    #[serde(default)]
    pub domestic_titles: Vec<String>,
    /// The side the pack's press writes from (the key of an entity), if it has one.
    #[serde(default)]
    pub home_side: Option<String>,
    /// Accompaniment cues ("didampingi"): the officials listed after one, with a domestic
    /// title and no side, serve the side of the one they accompany.
    #[serde(default)]
    pub entourage: Vec<String>,
    /// "my Special Envoy": possessives of the document's author.
    #[serde(default)]
    pub own_possessives: Vec<String>,
    /// Titles whose "for X" names a portfolio, not the side served ("Special Envoy for Yemen").
    #[serde(default)]
    pub portfolio_titles: Vec<String>,
    /// Titles that serve a person ("juru bicara Duterte X"): the principal's side, the other name's role.
    #[serde(default)]
    pub principal_titles: Vec<String>,
    /// The same after the principal's possessive ("Putin's spokesman Dmitry Peskov").
    #[serde(default)]
    pub possessed_titles: Vec<String>,
    /// Words between a copula and the title it gives ("X merupakan mantan Menlu Y").
    #[serde(default)]
    pub copula_fillers: Vec<String>,
    /// Words between such a title and its principal ("juru bicara kantor Suu Kyi").
    #[serde(default)]
    pub principal_offices: Vec<String>,
    /// "Foreign Minister Simon Coveney of Ireland": words between a name and the side after it.
    #[serde(default)]
    pub side_after_name: Vec<String>,
    /// Plural titles ("Executive Vice Presidents"): with the side named before them, the
    /// second of two names joined by a coordinator holds the title too.
    #[serde(default)]
    pub plural_titles: Vec<String>,
    /// Portfolios ("Trade", "Perdagangan") and the title shapes they fill ("{} Minister",
    /// "Menteri {}"): each shape with each portfolio is a title, and a domestic title too.
    #[serde(default)]
    pub portfolios: Vec<String>,
    #[serde(default)]
    pub portfolio_shapes: Vec<String>,
    /// Head nouns of a government body ("Office", "Commission"): in a participant list,
    /// "Director of the Office of Management and Budget" names the body the person serves.
    #[serde(default)]
    pub body_heads: Vec<String>,
    /// Words joining two titled persons who share a side ("X bersama Menlu Y").
    #[serde(default)]
    pub shared_side_joiners: Vec<String>,
    /// "Dirut PT X bernama Wahyu": words between an organisation and its official's name.
    #[serde(default)]
    pub name_cues: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct GrammarLex {
    pub adverbs: Vec<String>,
    pub negations: Vec<String>,
    pub conditionals: Vec<String>,
    pub future: Vec<String>,
    pub speech: Vec<String>,
    /// "tegasnya", "ujarnya": said by the speaker already known.
    #[serde(default)]
    pub speech_self: Vec<String>,
    pub speech_verbs: Vec<String>,
    /// "\"…,\" demikian pernyataan X": a word closing a quotation whose source follows within a few words.
    #[serde(default)]
    pub speech_closers: Vec<String>,
    /// "Hal itu disampaikan Retno saat mendesak Myanmar ...": a clause of the same actor's
    /// act opened by one of these has the actor of the clause before it.
    #[serde(default)]
    pub while_words: Vec<String>,
    pub clause_breaks: Vec<String>,
    pub not_name: Vec<String>,
    /// Headlines capitalise every word: bare verbs and negations that end a name there
    /// ("Menlu Filipina Tak Pedulikan …", "Menhan Israel Ancam …").
    #[serde(default)]
    pub headline_stops: Vec<String>,
    /// ", a senior U.S. official said": a speaker's office after the side it speaks for.
    #[serde(default)]
    pub speaker_heads: Vec<String>,
}

/// A language: its code and lexicon; the gazetteer is shared.
pub struct LanguagePack {
    pub code: String,
    pub lexicon: Lexicon,
    phrases: OnceLock<Phrases>,
}

/// The lexicon's multi-word cues as token lists, computed once per pack.
#[derive(Debug, Default)]
pub struct Phrases {
    pub demand_verbs: Vec<Vec<String>>,
    pub reject: Vec<Vec<String>>,
    pub reject_passive: Vec<Vec<String>>,
    pub titles: Vec<Vec<String>>,
    pub of_words: Vec<Vec<String>>,
    pub domestic_titles: Vec<Vec<String>>,
    pub entourage: Vec<Vec<String>>,
    pub portfolio_titles: Vec<Vec<String>>,
    pub plural_titles: Vec<Vec<String>>,
    pub demand_participles: Vec<Vec<String>>,
    pub accept_verbs: Vec<Vec<String>>,
    pub content_openers: Vec<Vec<String>>,
    pub deontic_verbs: Vec<Vec<String>>,
    pub deontic_modals: Vec<Vec<String>>,
    pub demand_sources: Vec<Vec<String>>,
    pub requested_things: Vec<Vec<String>>,
    pub transfers: Vec<Vec<String>>,
    pub statement_heads: Vec<Vec<String>>,
    pub all_parties: Vec<Vec<String>>,
    pub member_list_openers: Vec<Vec<String>>,
    pub member_of: Vec<Vec<String>>,
    pub meeting_verbs: Vec<Vec<String>>,
    pub meeting_nouns: Vec<Vec<String>>,
    pub not_meetings: Vec<Vec<String>>,
    pub attended_by: Vec<Vec<String>>,
    pub vague_times: Vec<Vec<String>>,
    pub called_off: Vec<Vec<String>>,
    pub summon_verbs: Vec<Vec<String>>,
    pub envoys: Vec<Vec<String>>,
    pub remote: Vec<Vec<String>>,
    pub annexed: Vec<Vec<String>>,
    pub breakaway: Vec<Vec<String>>,
    pub occupied: Vec<Vec<String>>,
    pub contested: Vec<Vec<String>>,
    pub claims: Vec<Vec<String>>,
}

fn token_lists(list: &[String]) -> Vec<Vec<String>> {
    list.iter().map(|p| phrase_tokens(p)).collect()
}

impl LanguagePack {
    /// A pack from its lexicon (TOML, the layout of `src/lang/id/lexicon.toml`).
    pub fn from_toml(code: &str, source: &str) -> Result<Self, String> {
        Ok(LanguagePack {
            code: code.to_string(),
            lexicon: Lexicon::parse(source, &format!("src/lang/{code}/lexicon.toml"))?,
            phrases: OnceLock::new(),
        })
    }

    pub fn phrases(&self) -> &Phrases {
        self.phrases.get_or_init(|| {
            let l = &self.lexicon;
            Phrases {
                demand_verbs: token_lists(&l.demand.verbs),
                reject: token_lists(&l.reject.phrases),
                reject_passive: token_lists(&l.reject.passive_verbs),
                titles: token_lists(&l.role.titles),
                of_words: token_lists(&l.role.of_words),
                domestic_titles: token_lists(&l.role.domestic_titles),
                entourage: token_lists(&l.role.entourage),
                portfolio_titles: token_lists(&l.role.portfolio_titles),
                plural_titles: token_lists(&l.role.plural_titles),
                demand_participles: token_lists(&l.demand.participles),
                accept_verbs: token_lists(&l.demand.accept_verbs),
                content_openers: token_lists(&l.demand.content_openers),
                deontic_verbs: token_lists(&l.demand.deontic_verbs),
                deontic_modals: token_lists(&l.demand.deontic_modals),
                demand_sources: token_lists(&l.demand.sources),
                requested_things: token_lists(&l.demand.requested_things),
                transfers: token_lists(&l.demand.transfers),
                statement_heads: token_lists(&l.words.statement_heads),
                all_parties: token_lists(&l.words.all_parties),
                member_list_openers: token_lists(&l.words.member_list_openers),
                member_of: token_lists(&l.words.member_of),
                meeting_verbs: token_lists(&l.meeting.verbs),
                meeting_nouns: token_lists(&l.meeting.nouns),
                not_meetings: token_lists(&l.meeting.not_meetings),
                attended_by: token_lists(&l.meeting.attended_by),
                vague_times: token_lists(&l.meeting.vague_times),
                called_off: token_lists(&l.meeting.called_off),
                summon_verbs: token_lists(&l.meeting.summon_verbs),
                envoys: token_lists(&l.meeting.envoys),
                remote: token_lists(&l.meeting.remote),
                annexed: token_lists(&l.region.annexed),
                breakaway: token_lists(&l.region.breakaway),
                occupied: token_lists(&l.region.occupied),
                contested: token_lists(&l.region.contested),
                claims: token_lists(&l.region.claimed_part),
            }
        })
    }
}

impl Lexicon {
    pub fn parse(source: &str, name: &str) -> Result<Self, String> {
        let mut lex: Lexicon = toml::from_str(source).map_err(|e| format!("{name}: {e}"))?;
        let r = &mut lex.role;
        let made: Vec<String> =
            r.portfolio_shapes.iter().flat_map(|shape| r.portfolios.iter().map(move |p| shape.replace("{}", p))).collect();
        for t in made {
            if !r.titles.contains(&t) {
                r.titles.push(t.clone());
            }
            if !r.domestic_titles.contains(&t) {
                r.domestic_titles.push(t);
            }
        }
        Ok(lex)
    }
}

/// The registered language packs. Adding a language is a folder `src/lang/<code>/`
/// with its `lexicon.toml` and one line here (see docs/language-packs.md).
const PACKS: &[(&str, &str)] = &[("id", include_str!("id/lexicon.toml")), ("en", include_str!("en/lexicon.toml"))];

/// Every registered pack, parsed once.
pub fn packs() -> &'static [LanguagePack] {
    static PARSED: OnceLock<Vec<LanguagePack>> = OnceLock::new();
    PARSED.get_or_init(|| {
        PACKS
            .iter()
            .map(|(code, src)| LanguagePack::from_toml(code, src).expect("built-in lexicons are valid TOML (checked by tests)"))
            .collect()
    })
}

/// The pack for a language code.
pub fn pack(code: &str) -> Option<&'static LanguagePack> {
    packs().iter().find(|p| p.code == code)
}

/// The Indonesian pack (built in).
pub fn indonesian() -> &'static LanguagePack {
    pack("id").expect("the Indonesian pack is registered")
}

/// The pack whose frequent words occur most in `text` (Indonesian on a tie).
pub fn detect(text: &str) -> &'static LanguagePack {
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(2000).map(str::to_lowercase).collect();
    let score = |p: &LanguagePack| words.iter().filter(|w| is_in(&p.lexicon.detect.stopwords, w)).count();
    packs().iter().enumerate().max_by_key(|(i, p)| (score(p), std::cmp::Reverse(*i))).map(|(_, p)| p).unwrap_or_else(indonesian)
}

/// Cues the rules look for in every article whatever its language (an Indonesian
/// article may quote "Russia's" or "the Philippine capital"): the union over all packs.
#[derive(Debug, Default)]
pub struct SharedCues {
    pub possessives: Vec<Vec<String>>,
    pub capital_before: Vec<Vec<String>>,
    pub capital_after: Vec<Vec<String>>,
}

/// The cues of every registered pack, as token lists, computed once.
pub fn shared_cues() -> &'static SharedCues {
    static CUES: OnceLock<SharedCues> = OnceLock::new();
    CUES.get_or_init(|| {
        let all = |list: fn(&Words) -> &Vec<String>| {
            let mut out: Vec<Vec<String>> = Vec::new();
            for p in packs() {
                for phrase in token_lists(list(&p.lexicon.words)) {
                    if !out.contains(&phrase) {
                        out.push(phrase);
                    }
                }
            }
            out
        };
        SharedCues {
            possessives: all(|w| &w.possessives),
            capital_before: all(|w| &w.capital_before),
            capital_after: all(|w| &w.capital_after),
        }
    })
}

/// The built-in gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| {
        Gazetteer::parse(include_str!("gazetteer/entities.tsv"), include_str!("gazetteer/people.tsv"))
            .expect("the built-in gazetteer is valid (checked by tests)")
    })
}

/// Splits a multi-word lexicon entry into lowercased tokens, as the tokenizer would.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    tokens::tokenize(phrase, 0).into_iter().map(|t| t.lower).collect()
}
