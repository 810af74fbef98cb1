//! The field paths an enricher explains: their names, the key prefixes it
//! writes for them, the set of keys they name, and the bit masks of
//! positions in the paths that the scanner carries down a record.

use super::{DEFAULT_FIELDS, EXPLAINED_SUFFIX};

/// Bit of a path mask that says "the default fields are explained here".
const DEFAULTS: u64 = 1 << 63;

/// How many path steps (plus one per path) the `u64` masks can track.
const MAX_POSITIONS: usize = 63;

/// A `--field` path that cannot be used.
///
/// ```
/// use chatcodes::enrich::{Enricher, FieldPathError};
/// let err = Enricher::new().field("items[]").unwrap_err();
/// assert_eq!(err, FieldPathError::NoKey("items[]".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldPathError {
    /// The path is not keys separated by dots, with `[]` after arrays.
    #[error("invalid field path {0:?}: use keys separated by dots, `[]` after an array")]
    Syntax(String),
    /// The path ends with `[]` instead of a key.
    #[error("invalid field path {0:?}: it must end with a key")]
    NoKey(String),
    /// The paths together have more steps than an enricher tracks.
    #[error("too many field paths: at most {MAX_POSITIONS} keys in all")]
    TooMany,
}

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Each,
}

/// A state in one field path: either a step still to take or, at the end,
/// the field to explain.
#[derive(Debug, Clone)]
enum Position {
    Step(Step),
    Field(u8),
}

/// The fields and paths of an enricher. By default: `ErrorCode` and
/// `ResultCode` in every object, and the code fields of Tencent's other
/// per-item arrays in the elements of those arrays wherever they occur.
#[derive(Debug, Clone)]
pub(super) struct Paths {
    /// Field names (defaults first) and the key prefix written for each.
    fields: Vec<String>,
    prefixes: Vec<Vec<u8>>,
    positions: Vec<Position>,
    /// Path starts that apply in every object the defaults apply in.
    anywhere: u64,
    root_mask: u64,
    /// The keys the paths name (fields, their `_explained` keys and path
    /// steps) as a 256-bit set by [`key_slot`]: most keys of a record are
    /// outside it and need no comparison.
    named: [u64; 4],
}

impl Default for Paths {
    fn default() -> Self {
        let mut paths = Paths {
            fields: Vec::new(),
            prefixes: Vec::new(),
            positions: Vec::new(),
            anywhere: 0,
            root_mask: DEFAULTS,
            named: [0; 4],
        };
        for field in DEFAULT_FIELDS {
            paths.field_index(field);
        }
        for (array, code) in crate::response::item_code_fields() {
            if DEFAULT_FIELDS.contains(&code) {
                continue;
            }
            paths.anywhere |= 1 << paths.positions.len();
            paths.push_step(Step::Key(array.to_string()));
            paths.push_step(Step::Each);
            let field = paths.field_index(code);
            paths.positions.push(Position::Field(field));
        }
        paths.root_mask |= paths.anywhere;
        paths
    }
}

impl Paths {
    /// Adds the field at `path`: keys separated by dots, `[]` after a key
    /// that holds an array, from the top of the record.
    pub(super) fn add(&mut self, path: &str) -> Result<(), FieldPathError> {
        let mut steps = Vec::new();
        for part in path.split('.') {
            let (name, each) = match part.strip_suffix("[]") {
                Some(name) => (name, true),
                None => (part, false),
            };
            if name.is_empty() || name.contains(['[', ']']) {
                return Err(FieldPathError::Syntax(path.to_string()));
            }
            steps.push(Step::Key(name.to_string()));
            if each {
                steps.push(Step::Each);
            }
        }
        let Some(Step::Key(key)) = steps.pop() else {
            return Err(FieldPathError::NoKey(path.to_string()));
        };
        if self.positions.len() + steps.len() + 1 > MAX_POSITIONS {
            return Err(FieldPathError::TooMany);
        }
        self.root_mask |= 1 << self.positions.len();
        for step in steps {
            self.push_step(step);
        }
        let field = self.field_index(&key);
        self.positions.push(Position::Field(field));
        Ok(())
    }

    /// Adds a path step, noting its key among the named ones.
    fn push_step(&mut self, step: Step) {
        if let Step::Key(key) = &step {
            self.name(key.as_bytes());
        }
        self.positions.push(Position::Step(step));
    }

    /// Notes `key` among the keys the paths name.
    fn name(&mut self, key: &[u8]) {
        let slot = key_slot(key);
        self.named[slot / 64] |= 1 << (slot % 64);
    }

    /// Whether `key` may be one the paths name (false: it is none of them).
    #[inline(always)]
    fn may_be_named(&self, key: &[u8]) -> bool {
        let slot = key_slot(key);
        self.named[slot / 64] >> (slot % 64) & 1 == 1
    }

    /// The index of a field name, added (with its key prefix) if new.
    fn field_index(&mut self, name: &str) -> u8 {
        if let Some(i) = self.fields.iter().position(|f| f == name) {
            return i as u8;
        }
        let key = format!("{name}{EXPLAINED_SUFFIX}");
        self.name(name.as_bytes());
        self.name(key.as_bytes());
        let mut prefix = b",".to_vec();
        serde_json::to_writer(&mut prefix, &key).expect("a string serializes");
        prefix.extend_from_slice(br#":{"code":"#);
        self.prefixes.push(prefix);
        self.fields.push(name.to_string());
        (self.fields.len() - 1) as u8
    }

    /// The mask at the top of a record.
    pub(super) fn root_mask(&self) -> u64 {
        self.root_mask
    }

    /// How many fields there are.
    pub(super) fn field_count(&self) -> u8 {
        self.fields.len() as u8
    }

    /// The field called `name`, if there is one.
    pub(super) fn field_named(&self, name: &[u8]) -> Option<u8> {
        self.fields
            .iter()
            .position(|f| f.as_bytes() == name)
            .map(|f| f as u8)
    }

    /// `,"<field>_explained":{"code":`, written before a field's record.
    pub(super) fn prefix(&self, field: u8) -> &[u8] {
        &self.prefixes[usize::from(field)]
    }

    /// What an object's member `key` is to the paths of the object's `mask`.
    #[inline(always)]
    pub(super) fn member(&self, mask: u64, key: &[u8]) -> Member {
        // A key no path names is no field and no step: it only carries the
        // defaults down, unless it is a `_explained` one.
        if !self.may_be_named(key) {
            return Member {
                child: self.defaults_below(mask, key),
                field: None,
                explains: None,
            };
        }
        self.named_member(mask, key)
    }

    /// [`member`](Self::member) for a key that may be named.
    fn named_member(&self, mask: u64, key: &[u8]) -> Member {
        let explains = key
            .strip_suffix(EXPLAINED_SUFFIX.as_bytes())
            .and_then(|base| self.field_named(base));
        let mut member = Member {
            child: self.defaults_below(mask, key),
            field: None,
            explains,
        };
        if mask & DEFAULTS != 0
            && let Some(f) = DEFAULT_FIELDS.iter().position(|f| f.as_bytes() == key)
        {
            member.field = Some(f as u8);
        }
        for_each_bit(mask & !DEFAULTS, |i| match &self.positions[i] {
            Position::Step(Step::Key(k)) if k.as_bytes() == key => member.child |= 1 << (i + 1),
            Position::Field(f) if self.fields[*f as usize].as_bytes() == key => {
                member.field = Some(*f);
            }
            _ => {}
        });
        member
    }

    /// What the defaults of `mask` carry into a child: the defaults and the
    /// paths that start anywhere.
    #[inline(always)]
    fn carried_defaults(&self, mask: u64) -> u64 {
        if mask & DEFAULTS != 0 {
            DEFAULTS | self.anywhere
        } else {
            0
        }
    }

    /// [`carried_defaults`](Self::carried_defaults) into the value of member
    /// `key`: none below an explanation.
    #[inline(always)]
    fn defaults_below(&self, mask: u64, key: &[u8]) -> u64 {
        if key.ends_with(EXPLAINED_SUFFIX.as_bytes()) {
            return 0;
        }
        self.carried_defaults(mask)
    }

    /// The mask of the elements of an array whose own mask is `mask`.
    pub(super) fn array_child_mask(&self, mask: u64) -> u64 {
        let mut child = self.carried_defaults(mask);
        for_each_bit(mask & !DEFAULTS, |i| {
            if matches!(self.positions[i], Position::Step(Step::Each)) {
                child |= 1 << (i + 1);
            }
        });
        child
    }
}

/// What an object's member is to the paths: the mask its value gets, the
/// field it is when it is a code field, and the field whose `_explained`
/// key it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Member {
    pub(super) child: u64,
    pub(super) field: Option<u8>,
    pub(super) explains: Option<u8>,
}

/// A key's slot in [`Paths::named`]: its length and its first and last bytes.
#[inline(always)]
fn key_slot(key: &[u8]) -> usize {
    let (first, last) = match key {
        [] => (0, 0),
        [first, .., last] => (*first, *last),
        [only] => (*only, *only),
    };
    usize::from((key.len() as u8).wrapping_mul(29) ^ first ^ last.rotate_left(4))
}

fn for_each_bit(mut bits: u64, mut f: impl FnMut(usize)) {
    while bits != 0 {
        f(bits.trailing_zeros() as usize);
        bits &= bits - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_in_every_object_and_item_fields_in_their_arrays() {
        let paths = Paths::default();
        let root = paths.root_mask();
        let Member { child, field, .. } = paths.member(root, b"ErrorCode");
        assert_eq!(field, Some(0));
        assert_ne!(child & DEFAULTS, 0);
        // RetCode is a code only inside RecallRetList's elements.
        let retcode = paths.field_named(b"RetCode").unwrap();
        assert_eq!(paths.member(root, b"RetCode").field, None);
        let list = paths.member(root, b"RecallRetList").child;
        let element = paths.array_child_mask(list);
        assert_eq!(paths.member(element, b"RetCode").field, Some(retcode));
        // Nothing below an explanation is explained again.
        let explained = paths.member(root, b"ErrorCode_explained");
        assert_eq!(explained.child & DEFAULTS, 0);
        assert_eq!((explained.field, explained.explains), (None, Some(0)));
        // Keys no path names carry the defaults down and are nothing else.
        for key in [
            &b"ts"[..],
            b"ActionStatus",
            b"ResultItem",
            b"Other_explained",
        ] {
            let member = paths.member(root, key);
            assert_eq!((member.field, member.explains), (None, None));
            let defaults = if key.ends_with(b"_explained") {
                0
            } else {
                DEFAULTS
            };
            assert_eq!(member.child & DEFAULTS, defaults);
        }
    }

    #[test]
    fn a_path_reaches_its_field_only_where_it_leads() {
        let mut paths = Paths::default();
        paths.add("data.items[].status").unwrap();
        let status = paths.field_named(b"status").unwrap();
        let root = paths.root_mask();
        assert_eq!(paths.member(root, b"status").field, None);
        let data = paths.member(root, b"data").child;
        let items = paths.member(data, b"items").child;
        let element = paths.array_child_mask(items);
        assert_eq!(paths.member(element, b"status").field, Some(status));
        assert_eq!(paths.prefix(status), br#","status_explained":{"code":"#);
    }

    #[test]
    fn bad_paths_are_refused() {
        let mut paths = Paths::default();
        assert_eq!(
            paths.add("a..b"),
            Err(FieldPathError::Syntax("a..b".into()))
        );
        assert_eq!(
            paths.add("items[]"),
            Err(FieldPathError::NoKey("items[]".into()))
        );
        let long = vec!["k"; 70].join(".");
        assert_eq!(paths.add(&long), Err(FieldPathError::TooMany));
    }
}
