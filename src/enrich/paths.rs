//! Field paths: which keys of a record are code fields, tracked as bit masks
//! of positions in the paths while the scanner walks a line.

use super::{DEFAULT_FIELDS, DEFAULTS, EXPLAINED_SUFFIX};

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Step {
    Key(String),
    Each,
}

/// A state in one field path: either a step still to take or, at the end,
/// the field to explain.
#[derive(Debug, Clone)]
pub(super) enum Position {
    Step(Step),
    Field(u8),
}

/// The child mask of an object's member `key`, and the field it is when the
/// member is a code field of the object.
pub(super) fn child_of_object(
    positions: &[Position],
    fields: &[String],
    anywhere: u64,
    mask: u64,
    key: &[u8],
) -> (u64, Option<u8>) {
    let mut field = None;
    let mut child = 0;
    if mask & DEFAULTS != 0 {
        if let Some(f) = DEFAULT_FIELDS.iter().position(|f| f.as_bytes() == key) {
            field = Some(f as u8);
        }
        if !key.ends_with(EXPLAINED_SUFFIX.as_bytes()) {
            child |= DEFAULTS | anywhere;
        }
    }
    for_each_bit(mask & !DEFAULTS, |i| match &positions[i] {
        Position::Step(Step::Key(k)) if k.as_bytes() == key => child |= 1 << (i + 1),
        Position::Field(f) if fields[*f as usize].as_bytes() == key => field = Some(*f),
        _ => {}
    });
    (child, field)
}

pub(super) fn for_each_bit(mut bits: u64, mut f: impl FnMut(usize)) {
    while bits != 0 {
        f(bits.trailing_zeros() as usize);
        bits &= bits - 1;
    }
}
