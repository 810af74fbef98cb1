//! The record cache: each entry's serialized record, made once per entry
//! and reused on every line that explains one of its codes. Copies of an
//! enricher (the threads of [`Enricher::stream_parallel`]) share it, so a
//! record is serialized once however many threads meet it.
//!
//! [`Enricher::stream_parallel`]: super::Enricher::stream_parallel

use std::sync::{Arc, OnceLock};

use crate::tables::ENTRIES;
use crate::{Explanation, Field, Lang, Record};

/// Each entry's record tail, by the index the build gives each entry, in
/// one language and with one choice of fields.
#[derive(Debug, Clone)]
pub(super) struct RecordCache {
    lang: Lang,
    /// The fields written, `code` first.
    fields: Arc<[&'static str]>,
    /// Shared by the copies; replaced, not cleared, when the language or
    /// the fields change, so other copies keep theirs.
    tails: Arc<[OnceLock<Box<[u8]>>]>,
}

impl Default for RecordCache {
    fn default() -> Self {
        RecordCache {
            lang: Lang::En,
            fields: Record::LEAN.into(),
            tails: empty_tails(),
        }
    }
}

/// One empty place per entry.
fn empty_tails() -> Arc<[OnceLock<Box<[u8]>>]> {
    (0..ENTRIES.len()).map(|_| OnceLock::new()).collect()
}

/// How a serialized record with its code set to 0 starts.
const CODE_ZERO: &[u8] = br#"{"code":0"#;

impl RecordCache {
    /// Records in `lang` from now on.
    pub(super) fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.tails = empty_tails();
    }

    /// Records of `code` and `fields` (in record order) from now on.
    pub(super) fn set_fields(&mut self, fields: &[Field]) {
        self.fields = Field::ALL
            .into_iter()
            .filter(|f| *f == Field::Code || fields.contains(f))
            .map(Field::name)
            .collect();
        self.tails = empty_tails();
    }

    /// The entry's record (by default [`Record::LEAN`]) after its `code`:
    /// `,"vendor":...}`, or `}` when `code` is the only field. The code
    /// itself is written per line, so a range entry's record names the code
    /// found.
    pub(super) fn tail(&self, e: &'static Explanation) -> &[u8] {
        self.tails[usize::from(e.index)].get_or_init(|| {
            let record = e.record_for_in(0, self.lang);
            let json = serde_json::to_vec(&record.only(&self.fields)).expect("a record serializes");
            debug_assert!(json.starts_with(CODE_ZERO), "the code comes first");
            json[CODE_ZERO.len()..].into()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(code: i64, tail: &[u8]) -> serde_json::Value {
        let text = format!("{{\"code\":{code}{}", std::str::from_utf8(tail).unwrap());
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn a_tail_is_the_lean_record_after_its_code_and_made_once() {
        let cache = RecordCache::default();
        let e = crate::explain(70001).unwrap();
        let tail = cache.tail(e).to_vec();
        let v = whole(70001, &tail);
        assert_eq!(v["retryability"], "reauthenticate");
        assert!(v.get("causes").is_none() && v.get("source").is_none());
        let again = cache.tail(e);
        assert_eq!(again, &tail[..]);
        // Another entry gets its own.
        assert_ne!(cache.tail(crate::explain(30010).unwrap()), &tail[..]);
    }

    #[test]
    fn chosen_fields_come_in_record_order_after_the_code_in_the_language_set() {
        let mut cache = RecordCache::default();
        let e = crate::explain(70001).unwrap();
        cache.tail(e);
        cache.set_fields(&[Field::Retryability, Field::Description, Field::Name]);
        cache.set_lang(Lang::Zh);
        let tail = std::str::from_utf8(cache.tail(e)).unwrap().to_string();
        let at = |key: &str| tail.find(&format!("\"{key}\":")).unwrap();
        assert!(at("name") < at("description") && at("description") < at("retryability"));
        let v = whole(70001, tail.as_bytes());
        assert_eq!(v.as_object().unwrap().len(), 4, "{tail}");
        assert!(tail.contains(e.description_in(Lang::Zh)), "{tail}");
        cache.set_fields(&[]);
        assert_eq!(cache.tail(e), b"}");
        assert_eq!(whole(70001, b"}")["code"], 70001);
    }

    #[test]
    fn copies_share_their_records_until_one_changes_its_choice() {
        let mut cache = RecordCache::default();
        let e = crate::explain(70001).unwrap();
        let copy = cache.clone();
        let made = cache.tail(e).as_ptr();
        assert_eq!(copy.tail(e).as_ptr(), made, "made once for both");
        cache.set_lang(Lang::Zh);
        assert_ne!(cache.tail(e), copy.tail(e));
        assert_eq!(copy.tail(e).as_ptr(), made, "the copy keeps its own");
    }
}
