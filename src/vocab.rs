//! IRI constants, one module per vocabulary, so no IRI string is typed twice.
//!
//! `rdf`, `rdfs` and `xsd` are oxigraph's own (`oxigraph::model::vocab`); the other
//! vocabularies are declared here in the same style: typed `NamedNodeRef` constants,
//! plus each namespace as `NS` for SPARQL text and prefix tables.

pub use oxigraph::model::vocab::{rdf, rdfs, xsd};

/// Declares a vocabulary module: its namespace `NS` and one constant per term.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $module:ident = $ns:literal { $($name:ident = $local:literal),* $(,)? }) => {
        $(#[$doc])*
        pub mod $module {
            pub const NS: &str = $ns;
            $(pub const $name: oxigraph::model::NamedNodeRef<'_> =
                oxigraph::model::NamedNodeRef::new_unchecked(concat!($ns, $local));)*
        }
    };
}

vocabulary! {
    /// The warta ontology (`ontology/warta.ttl`).
    warta = "https://w3id.org/warta/ontology#" {
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
        DATE_CONFLICT = "dateConflict", MEETS_WITH = "meetsWith", MERGED_FROM = "mergedFrom", DEFAULT_GRAPH_FROM = "defaultGraphFrom", BUILD = "Build",
        ARTICLE_COUNT = "articleCount", ARTICLES_ADDED = "articlesAdded",
        ARTICLES_REPLACED = "articlesReplaced", ARTICLES_UNCHANGED = "articlesUnchanged",
        ARTICLES_REMOVED = "articlesRemoved", ARTICLES_EXTRACTED = "articlesExtracted", INPUTS_FAILED = "inputsFailed",
        // The region statuses (see `RegionStatusKind`).
        ANNEXED = "Annexed", BREAKAWAY = "Breakaway", OCCUPIED = "Occupied",
        FOREIGN_MILITARY_PRESENCE = "ForeignMilitaryPresence", CONTESTED = "Contested",
    }
}

vocabulary! {
    /// warta's own resources. `MERGED_GRAPH` and `META_GRAPH` are the graphs that
    /// `build` derives from the article graphs; every other named graph is one article's.
    wid = "https://w3id.org/warta/id/" {
        // Facts merged across articles (one node per meeting or demand told by several articles).
        MERGED_GRAPH = "graph/merged",
        // Build records: when each build ran and what it did.
        META_GRAPH = "graph/meta",
    }
}

vocabulary! {
    /// Wikidata entities.
    wd = "http://www.wikidata.org/entity/" {}
}

vocabulary! {
    owl = "http://www.w3.org/2002/07/owl#" { SAME_AS = "sameAs" }
}

vocabulary! {
    skos = "http://www.w3.org/2004/02/skos/core#" { PREF_LABEL = "prefLabel", ALT_LABEL = "altLabel" }
}

vocabulary! {
    dcterms = "http://purl.org/dc/terms/" { TITLE = "title", ISSUED = "issued", SOURCE = "source", LANGUAGE = "language" }
}

vocabulary! {
    prov = "http://www.w3.org/ns/prov#" {
        WAS_DERIVED_FROM = "wasDerivedFrom", ACTIVITY = "Activity",
        STARTED_AT_TIME = "startedAtTime", ENDED_AT_TIME = "endedAtTime",
    }
}

vocabulary! {
    /// schema.org, read (not written) by `eval` as the Python scorer does.
    schema = "https://schema.org/" { NAME = "name" }
}

vocabulary! {
    /// SHACL, for `validate`; shapes are read by local name, so most terms are `NS` + name.
    sh = "http://www.w3.org/ns/shacl#" {
        NODE_SHAPE = "NodeShape", VALIDATION_REPORT = "ValidationReport", VALIDATION_RESULT = "ValidationResult",
        CONFORMS = "conforms", RESULT = "result", FOCUS_NODE = "focusNode", RESULT_SEVERITY = "resultSeverity",
        SOURCE_CONSTRAINT_COMPONENT = "sourceConstraintComponent", SOURCE_SHAPE = "sourceShape",
        RESULT_MESSAGE = "resultMessage", RESULT_PATH = "resultPath", INVERSE_PATH = "inversePath", VALUE = "value",
        VIOLATION = "Violation", WARNING = "Warning", INFO = "Info",
    }
}

/// The warta shapes graph's own namespace (`ontology/shapes.ttl`).
pub const WSHAPE: &str = "https://w3id.org/warta/shapes#";

pub const WARTA: &str = warta::NS;
pub const WID: &str = wid::NS;
pub const WD: &str = wd::NS;

/// Prefixes written into Turtle/TriG output and used to shorten IRIs in tables.
pub const PREFIXES: &[(&str, &str)] = &[
    ("warta", warta::NS),
    ("wid", wid::NS),
    ("wd", wd::NS),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", owl::NS),
    ("skos", skos::NS),
    ("dcterms", dcterms::NS),
    ("prov", prov::NS),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// `warta:Meeting` for an IRI in a namespace of `PREFIXES`.
pub fn prefixed(iri: &str) -> Option<String> {
    PREFIXES.iter().find_map(|(p, ns)| iri.strip_prefix(ns).map(|rest| format!("{p}:{rest}")))
}

/// SPARQL `PREFIX` lines for the named prefixes of `PREFIXES`, in the order given.
pub fn sparql_prologue(names: &[&str]) -> String {
    names.iter().filter_map(|name| PREFIXES.iter().find(|(p, _)| p == name)).map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_namespace_and_local_name() {
        assert_eq!(warta::DEMANDS.as_str(), "https://w3id.org/warta/ontology#demands");
        assert_eq!(wid::MERGED_GRAPH.as_str(), "https://w3id.org/warta/id/graph/merged");
        assert_eq!(sh::RESULT_PATH.as_str(), "http://www.w3.org/ns/shacl#resultPath");
        assert_eq!(skos::PREF_LABEL.as_str(), "http://www.w3.org/2004/02/skos/core#prefLabel");
    }

    #[test]
    fn prefix_table_agrees_with_oxigraph() {
        let ns = |p: &str| PREFIXES.iter().find(|(name, _)| *name == p).map(|(_, ns)| *ns).unwrap_or_default();
        assert_eq!(format!("{}type", ns("rdf")), rdf::TYPE.as_str());
        assert_eq!(format!("{}label", ns("rdfs")), rdfs::LABEL.as_str());
        assert_eq!(format!("{}string", ns("xsd")), xsd::STRING.as_str());
    }

    #[test]
    fn iris_are_prefixed_where_a_namespace_fits() {
        assert_eq!(prefixed(warta::HELD_IN.as_str()).as_deref(), Some("warta:heldIn"));
        assert_eq!(prefixed("http://example.org/x"), None);
    }

    #[test]
    fn prologue_lists_the_named_prefixes() {
        assert_eq!(
            sparql_prologue(&["warta", "rdfs"]),
            "PREFIX warta: <https://w3id.org/warta/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        );
    }
}
