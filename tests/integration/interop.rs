//! Interoperability: SHACL (pyshacl), independent RDF parsers (rapper, rdflib,
//! the oxigraph CLI), the SPARQL endpoint, pushing to triplestores (oxigraph
//! server, Virtuoso) and sharded extraction (GNU parallel).

mod parsers;
mod push;
mod serve;
mod shacl;
mod shards;
mod support;
