//! The record cache: each entry's serialized record, made once per entry
//! and reused on every line that explains one of its codes.

use crate::Explanation;
use crate::Record;
use crate::tables::ENTRIES;

/// Each entry's record tail, by the index the build gives each entry.
#[derive(Debug, Default)]
pub(super) struct RecordCache {
    tails: Vec<Option<Box<[u8]>>>,
}

impl RecordCache {
    /// The entry's record without its reference material ([`Record::LEAN`])
    /// after its `code`: `,"vendor":...}`. The code itself is written per
    /// line, so a range entry's record names the code found.
    pub(super) fn tail(&mut self, e: &'static Explanation) -> &[u8] {
        if self.tails.is_empty() {
            self.tails.resize(ENTRIES.len(), None);
        }
        self.tails[usize::from(e.index)].get_or_insert_with(|| {
            let record = e.record_for(0);
            let json = serde_json::to_vec(&record.only(Record::LEAN)).expect("a record serializes");
            // `{"code":0,...}`: keep what follows the code.
            let rest = json
                .iter()
                .position(|&b| b == b',')
                .expect("a record has fields after its code");
            json[rest..].into()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tail_is_the_lean_record_after_its_code_and_made_once() {
        let mut cache = RecordCache::default();
        let e = crate::explain(70001).unwrap();
        let tail = cache.tail(e).to_vec();
        let whole = format!(
            "{{\"code\":70001{}",
            String::from_utf8(tail.clone()).unwrap()
        );
        let v: serde_json::Value = serde_json::from_str(&whole).unwrap();
        assert_eq!(v["retryability"], "reauthenticate");
        assert!(v.get("causes").is_none() && v.get("source").is_none());
        let again = cache.tail(e);
        assert_eq!(again, &tail[..]);
        // Another entry gets its own.
        assert_ne!(cache.tail(crate::explain(30010).unwrap()), &tail[..]);
    }
}
