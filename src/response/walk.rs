//! One pass over a response body with serde: the top-level fields of both
//! vendors, and the per-item places of a [`Shape`]. Everything else is
//! validated exactly as `serde_json` validates what it keeps (UTF-8, escapes
//! and lone surrogates, number range, its nesting limit) and dropped
//! ([`Skip`]); strings are borrowed from the input where they have no
//! escapes, and only the items that did not succeed are kept, so memory stays
//! close to the size of the body.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::items::{FailSeed, ItemsSeed};
use super::values::{Code, Skip, Text};
use crate::api::{Dropped, FailList, ItemArray, Shape};

/// One element of an item array that did not succeed.
#[derive(Debug)]
pub(crate) struct RawItem<'de> {
    pub(crate) array: &'static ItemArray,
    /// The code, when the array carries codes.
    pub(crate) code: Option<i64>,
    /// The status, when the array carries a status.
    pub(crate) status: Option<i64>,
    pub(crate) message: Option<Text<'de>>,
    /// The naming member's path, and the name.
    pub(crate) name: Option<(&'static [&'static str], Text<'de>)>,
}

/// What one pass found.
#[derive(Debug, Default)]
pub(crate) struct Walked<'de> {
    pub(crate) action_status: Option<Text<'de>>,
    pub(crate) error_code: Option<i64>,
    pub(crate) error_info: Option<Text<'de>>,
    pub(crate) error_display: Option<Text<'de>>,
    pub(crate) request_id: Option<Text<'de>>,
    /// Nexconn's `code` and `errorMessage`.
    pub(crate) code: Option<i64>,
    pub(crate) error_message: Option<Text<'de>>,
    /// How many elements the item arrays held.
    pub(crate) items: usize,
    pub(crate) failed_items: Vec<RawItem<'de>>,
    pub(crate) fail_lists: Vec<(&'static FailList, Text<'de>)>,
    pub(crate) dropped: Vec<(&'static Dropped, Text<'de>)>,
    /// Top-level members that name a dropped message (`MsgSeq`).
    pub(crate) top_names: Vec<(&'static str, Text<'de>)>,
    /// The member being read when the walk failed, and what it must be.
    wrong_field: Option<(String, &'static str)>,
    /// What the top level was, when it was not an object.
    pub(crate) not_an_object: Option<&'static str>,
    /// Top-level members that are neither vendor's fields nor on the way to
    /// a per-item place.
    pub(crate) foreign_keys: usize,
    /// Why the body cannot be judged although it is JSON: a member that
    /// decides the outcome appears twice with different values.
    pub(crate) ambiguous: Option<String>,
    /// Which deciding top-level members were seen (bits of [`TOP_FIELDS`]).
    seen: u8,
}

/// The top-level members whose repetition with another value makes a body
/// ambiguous (serde_json would keep the last; a reader may keep the first).
const TOP_FIELDS: [&str; 3] = ["ActionStatus", "ErrorCode", "code"];

/// Notes a member read a second time with a value that differs from the
/// first one's.
pub(super) fn repeated<T: PartialEq + fmt::Debug>(
    ambiguous: &mut Option<String>,
    field: impl FnOnce() -> String,
    first: &Option<T>,
    again: &Option<T>,
) {
    if first != again && ambiguous.is_none() {
        let show = |v: &Option<T>| v.as_ref().map_or("null".to_string(), |v| format!("{v:?}"));
        *ambiguous = Some(format!(
            "{} appears twice with different values ({} and {})",
            field(),
            show(first),
            show(again)
        ));
    }
}

/// Why a walk stopped: serde_json's error, and the member being read when it
/// happened, with what that member must be.
pub(crate) struct WalkError {
    pub(crate) error: serde_json::Error,
    pub(crate) field: Option<(String, &'static str)>,
}

/// Walks `bytes`, which must hold one JSON value and nothing after it.
pub(crate) fn walk<'de>(bytes: &'de [u8], shape: &'static Shape) -> Result<Walked<'de>, WalkError> {
    let mut walked = Walked::default();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let targets: Vec<(Target, usize)> = shape
        .items
        .iter()
        .map(|a| (Target::Items(a), 0))
        .chain(shape.fail_lists.iter().map(|f| (Target::Fail(f), 0)))
        .collect();
    let seed = ObjectSeed {
        w: &mut walked,
        shape,
        targets: &targets,
        top: true,
    };
    match seed.deserialize(&mut de).and_then(|v| de.end().map(|()| v)) {
        Ok(not_an_object) => {
            walked.not_an_object = not_an_object;
            Ok(walked)
        }
        Err(error) => Err(WalkError {
            error,
            field: walked.wrong_field,
        }),
    }
}

#[derive(Debug, Clone, Copy)]
enum Target {
    Items(&'static ItemArray),
    Fail(&'static FailList),
}

impl Target {
    fn segments(self) -> &'static [&'static str] {
        match self {
            Target::Items(a) => a.segments,
            Target::Fail(f) => f.segments,
        }
    }
}

/// Notes which member was being read when `err` happened, and passes `err`
/// on unchanged: the caller names the member when the error is about a value
/// of the wrong kind, and reports syntax errors as they are.
pub(super) fn wrong<E>(
    w: &mut Walked<'_>,
    field: impl FnOnce() -> String,
    expected: &'static str,
    err: E,
) -> E {
    if w.wrong_field.is_none() {
        w.wrong_field = Some((field(), expected));
    }
    err
}

/// An object on the way to the targets (the body itself when `top`). Its
/// value is `None` for an object and the kind of value otherwise; below the
/// top anything that is not an object is skipped.
struct ObjectSeed<'w, 'de, 't> {
    w: &'w mut Walked<'de>,
    shape: &'static Shape,
    targets: &'t [(Target, usize)],
    top: bool,
}

impl<'de> DeserializeSeed<'de> for ObjectSeed<'_, 'de, '_> {
    type Value = Option<&'static str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

macro_rules! not_an_object {
    ($($method:ident($t:ty) => $kind:expr),* $(,)?) => {
        $(fn $method<E>(self, _: $t) -> Result<Self::Value, E> { Ok(Some($kind)) })*
    };
}

impl<'de> Visitor<'de> for ObjectSeed<'_, 'de, '_> {
    type Value = Option<&'static str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    not_an_object! {
        visit_bool(bool) => "a boolean",
        visit_i64(i64) => "a number",
        visit_u64(u64) => "a number",
        visit_f64(f64) => "a number",
        visit_str(&str) => "a string",
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Some("null"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Some("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let ObjectSeed {
            w,
            shape,
            targets,
            top,
        } = self;
        while let Some(Text(key)) = map.next_key::<Text<'de>>()? {
            if top && read_top_field(w, shape, &key, &mut map)? {
                continue;
            }
            let at = |(t, i): &&(Target, usize)| t.segments().get(*i) == Some(&&*key);
            if !targets.iter().any(|t| at(&t)) {
                if top {
                    w.foreign_keys += 1;
                }
                map.next_value::<Skip>()?;
                continue;
            }
            let here: Vec<(Target, usize)> = targets.iter().filter(at).copied().collect();
            if let Some(&(target, _)) = here.iter().find(|(t, i)| t.segments().len() == i + 1) {
                match target {
                    Target::Items(array) => map.next_value_seed(ItemsSeed { w, array })?,
                    Target::Fail(list) => map.next_value_seed(FailSeed { w, list })?,
                }
                continue;
            }
            let next: Vec<(Target, usize)> = here.iter().map(|&(t, i)| (t, i + 1)).collect();
            if next.iter().all(|(t, i)| t.segments()[*i] == "[]") {
                let targets: Vec<(Target, usize)> = next.iter().map(|&(t, i)| (t, i + 1)).collect();
                map.next_value_seed(ElementsSeed {
                    w,
                    shape,
                    targets: &targets,
                })?;
            } else {
                map.next_value_seed(ObjectSeed {
                    w,
                    shape,
                    targets: &next,
                    top: false,
                })?;
            }
        }
        Ok(None)
    }
}

/// Reads `key` if it is a top-level field of either vendor, or a dropped
/// message's field; `false` when it is none of those.
fn read_top_field<'de, A: MapAccess<'de>>(
    w: &mut Walked<'de>,
    shape: &'static Shape,
    key: &str,
    map: &mut A,
) -> Result<bool, A::Error> {
    let text =
        |w: &mut Walked<'de>, map: &mut A, key: &str| -> Result<Option<Text<'de>>, A::Error> {
            map.next_value::<Option<Text<'de>>>()
                .map_err(|e| wrong(w, || key.to_string(), "a string", e))
        };
    let code = |w: &mut Walked<'de>, map: &mut A, key: &str| -> Result<Option<i64>, A::Error> {
        map.next_value::<Option<Code>>()
            .map(|value| value.map(|c| c.0))
            .map_err(|e| wrong(w, || key.to_string(), "an integer code", e))
    };
    if let Some(bit) = TOP_FIELDS.iter().position(|f| *f == key) {
        let bit = 1 << bit;
        let again = w.seen & bit != 0;
        w.seen |= bit;
        let field = || key.to_string();
        match key {
            "ActionStatus" => {
                let value = text(w, map, key)?;
                if again {
                    repeated(&mut w.ambiguous, field, &w.action_status, &value);
                }
                w.action_status = value;
            }
            "ErrorCode" => {
                let value = code(w, map, key)?;
                if again {
                    repeated(&mut w.ambiguous, field, &w.error_code, &value);
                }
                w.error_code = value;
            }
            _ => {
                let value = code(w, map, key)?;
                if again {
                    repeated(&mut w.ambiguous, field, &w.code, &value);
                }
                w.code = value;
            }
        }
        return Ok(true);
    }
    match key {
        "ErrorInfo" => w.error_info = text(w, map, key)?,
        "ErrorDisplay" => w.error_display = text(w, map, key)?,
        "RequestId" => w.request_id = text(w, map, key)?,
        "errorMessage" => w.error_message = text(w, map, key)?,
        _ => {
            if let Some(d) = shape.dropped.iter().find(|d| d.field == key) {
                if let Some(reason) = text(w, map, key)? {
                    w.dropped.push((d, reason));
                }
            } else if let Some(d) = shape.dropped.iter().find(|d| d.item == key) {
                if let Some(name) = text(w, map, key)? {
                    w.top_names.push((d.item, name));
                }
            } else {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// An array whose every element is an object on the way to the targets.
struct ElementsSeed<'w, 'de, 't> {
    w: &'w mut Walked<'de>,
    shape: &'static Shape,
    targets: &'t [(Target, usize)],
}

impl<'de> DeserializeSeed<'de> for ElementsSeed<'_, 'de, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ElementsSeed<'_, 'de, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let element = ObjectSeed {
                w: &mut *self.w,
                shape: self.shape,
                targets: self.targets,
                top: false,
            };
            if seq.next_element_seed(element)?.is_none() {
                return Ok(());
            }
        }
    }
}
