//! IRI constants, one module per vocabulary, so no IRI string is typed twice.

pub const WARTA: &str = "https://w3id.org/warta/ontology#";
pub const WID: &str = "https://w3id.org/warta/id/";
pub const WD: &str = "http://www.wikidata.org/entity/";

pub mod warta {
    macro_rules! terms {
        ($($name:ident = $local:literal),* $(,)?) => {
            $(pub const $name: &str = concat!("https://w3id.org/warta/ontology#", $local);)*
        };
    }
    terms! {
        ARTICLE = "Article", MENTION = "Mention", ACTION = "Action", MEETING = "Meeting",
        REJECTION = "Rejection", REGION_STATUS = "RegionStatus", ROLE_ASSIGNMENT = "RoleAssignment",
        COUNTRY = "Country", ORGANIZATION = "Organization", PERSON = "Person", CITY = "City",
        REGION = "Region", GROUP = "Group",
        DEMANDS = "demands", ADDRESSEE = "addressee", AGENT = "agent", STATED_BY = "statedBy",
        REJECTS = "rejects", REJECTED = "rejected", HELD_IN = "heldIn", DATE = "date",
        PARTICIPANT = "participant", DISPUTED_STATUS = "disputedStatus", CONTROLLED_BY = "controlledBy",
        CLAIMED_BY = "claimedBy", FOREIGN_FORCES = "foreignForces", SINCE = "since", REGION_PROP = "region",
        STATUS = "status", ROLE = "role", REPRESENTS = "represents", HOLDER = "holder",
        ROLE_TITLE = "roleTitle", ROLE_OF = "roleOf", EVIDENCE = "evidence", TEXT = "text",
        START = "start", END = "end", RULE = "rule", CONFIDENCE = "confidence", ARTICLE_PROP = "article",
        MODALITY = "modality", CONTENT_HASH = "contentHash", EXTRACTOR_VERSION = "extractorVersion",
        DATE_CONFLICT = "dateConflict", MEETS_WITH = "meetsWith", BUILD = "Build",
        ARTICLE_COUNT = "articleCount", ARTICLES_ADDED = "articlesAdded",
        ARTICLES_REPLACED = "articlesReplaced", ARTICLES_UNCHANGED = "articlesUnchanged",
        ARTICLES_REMOVED = "articlesRemoved", ARTICLES_EXTRACTED = "articlesExtracted", INPUTS_FAILED = "inputsFailed",
    }
}

/// Graphs that `build` derives from the article graphs; every other named graph is one article's.
pub mod wid {
    /// Facts merged across articles (one node per meeting or demand told by several articles).
    pub const MERGED_GRAPH: &str = "https://w3id.org/warta/id/graph/merged";
    /// Build records: when each build ran and what it did.
    pub const META_GRAPH: &str = "https://w3id.org/warta/id/graph/meta";
}

pub mod rdf {
    pub const TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
}
pub mod rdfs {
    pub const LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
}
pub mod owl {
    pub const SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
}
pub mod skos {
    pub const ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
}
pub mod dcterms {
    pub const TITLE: &str = "http://purl.org/dc/terms/title";
    pub const ISSUED: &str = "http://purl.org/dc/terms/issued";
    pub const SOURCE: &str = "http://purl.org/dc/terms/source";
    pub const LANGUAGE: &str = "http://purl.org/dc/terms/language";
}
pub mod prov {
    pub const WAS_DERIVED_FROM: &str = "http://www.w3.org/ns/prov#wasDerivedFrom";
    pub const ACTIVITY: &str = "http://www.w3.org/ns/prov#Activity";
    pub const STARTED_AT_TIME: &str = "http://www.w3.org/ns/prov#startedAtTime";
    pub const ENDED_AT_TIME: &str = "http://www.w3.org/ns/prov#endedAtTime";
}
pub mod xsd {
    pub const DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
    pub const DATE_TIME: &str = "http://www.w3.org/2001/XMLSchema#dateTime";
    pub const STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
    pub const BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
    pub const GYEAR: &str = "http://www.w3.org/2001/XMLSchema#gYear";
    pub const INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
    pub const DECIMAL: &str = "http://www.w3.org/2001/XMLSchema#decimal";
}

/// Prefixes written into Turtle/TriG output and used to shorten IRIs in tables.
pub const PREFIXES: &[(&str, &str)] = &[
    ("warta", WARTA),
    ("wid", WID),
    ("wd", WD),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];
