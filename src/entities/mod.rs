//! Entities: sentences in, mentions out, each resolved to one entity of the document.
//!
//! - [`gazetteer`]: the dictionaries and the name automaton;
//! - [`mentions`]: names, titled people, demonyms and metonyms found in a sentence, and their
//!   resolution within the document (short names, pronouns, "the two leaders").

pub mod gazetteer;
pub mod mentions;

pub use gazetteer::{EntityType, Gazetteer};
pub use mentions::{DocEntities, Mention, MentionKind};

/// An entity as records and the graph see it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct EntityRef {
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    pub etype: EntityType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso3: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}
