//! One pass over a response body with serde: the top-level fields of both
//! vendors, and the per-item places of a [`Shape`]. Everything else is
//! validated exactly as `serde_json` validates what it keeps (UTF-8, escapes
//! and lone surrogates, number range, its nesting limit) and dropped
//! ([`Skip`]); strings are borrowed from the input where they have no
//! escapes, and only the items that did not succeed are kept, so memory stays
//! close to the size of the body.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};

use crate::api::{Dropped, FailList, ItemArray, Shape};

/// A string from the body, borrowed when it had no escapes. Numbers are
/// accepted too (as their decimal text), since item names such as `MsgSeq`
/// and `GroupId` are numbers in some APIs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Text<'de>(pub(crate) Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(s)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(n.to_string())))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(n.to_string())))
            }
        }
        d.deserialize_any(V)
    }
}

/// A code: an integer, an integral float (`70001.0`) or a string of digits
/// (`"70001"`), as [`crate::code_from_json`] reads one.
struct Code(i64);

impl<'de> de::Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Code;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an integer code")
            }
            fn visit_i64<E>(self, n: i64) -> Result<Code, E> {
                Ok(Code(n))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Code, E> {
                i64::try_from(n)
                    .map(Code)
                    .map_err(|_| E::custom(format!("{n} is out of range for a code (64-bit)")))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Code, E> {
                if n.fract() == 0.0 && n.abs() < 9.0e15 {
                    Ok(Code(n as i64))
                } else if n.fract() == 0.0 && n.abs() >= 9.2e18 {
                    Err(E::custom(format!(
                        "{n} is out of range for a code (64-bit)"
                    )))
                } else if n.fract() == 0.0 {
                    Err(E::custom(format!(
                        "{n} is too large to read exactly from a float; write the code as an integer"
                    )))
                } else {
                    Err(E::custom(format!("{n} is not an integer code")))
                }
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Code, E> {
                s.trim()
                    .parse()
                    .map(Code)
                    .map_err(|_| E::invalid_value(Unexpected::Str(s), &self))
            }
        }
        d.deserialize_any(V)
    }
}

/// Any JSON value, checked as `serde_json` checks a value it keeps, and
/// dropped. serde's `IgnoredAny` would skip it without those checks (a lone
/// surrogate, invalid UTF-8, `1e400` or 200 nested arrays pass), so a body
/// that `serde_json` rejects could be judged by what it happened to hold.
pub(crate) struct Skip;

impl<'de> de::Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Skip)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = Skip;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_unit<E>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_key::<Skip>()?.is_some() {
            map.next_value::<Skip>()?;
        }
        Ok(Skip)
    }
}

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
fn repeated<T: PartialEq + fmt::Debug>(
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
fn wrong<E>(
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

/// An array of per-item results.
struct ItemsSeed<'w, 'de> {
    w: &'w mut Walked<'de>,
    array: &'static ItemArray,
}

impl<'de> DeserializeSeed<'de> for ItemsSeed<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ItemsSeed<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} as an array", self.array.array)
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (w, array) = (self.w, self.array);
        let mut index = 0usize;
        loop {
            let item = ItemSeed {
                w: &mut *w,
                array,
                index,
            };
            let element = seq.next_element_seed(item).map_err(|e| {
                let field = || format!("{}[{index}]", array.array);
                wrong(w, field, "an object", e)
            })?;
            match element {
                None => return Ok(()),
                Some(Some(failed)) => w.failed_items.push(failed),
                Some(None) => {}
            }
            w.items += 1;
            index += 1;
        }
    }
}

/// One element of an item array; its value is the element when it did not
/// succeed.
struct ItemSeed<'w, 'de> {
    w: &'w mut Walked<'de>,
    array: &'static ItemArray,
    index: usize,
}

impl<'de> DeserializeSeed<'de> for ItemSeed<'_, 'de> {
    type Value = Option<RawItem<'de>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl ItemSeed<'_, '_> {
    fn wrong<E>(self, member: &str, expected: &'static str, err: E) -> E {
        let field = || format!("{}[{}].{member}", self.array.array, self.index);
        wrong(self.w, field, expected, err)
    }
}

impl<'de> Visitor<'de> for ItemSeed<'_, 'de> {
    type Value = Option<RawItem<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let array = self.array;
        let mut code = None;
        // Which of the array's code members were seen (by position).
        let mut code_seen = 0u32;
        let mut status = None;
        let mut status_seen = false;
        let mut message = None;
        let mut name: Option<(usize, Text<'de>)> = None;
        while let Some(Text(key)) = map.next_key::<Text<'de>>()? {
            let key = &*key;
            let field = || format!("{}[{}].{key}", array.array, self.index);
            if let Some(p) = array.codes.iter().position(|c| *c == key) {
                match map.next_value::<Option<Code>>() {
                    Ok(c) => {
                        let c = c.map(|c| c.0);
                        if code_seen >> p & 1 == 1 {
                            repeated(&mut self.w.ambiguous, field, &code, &c);
                        }
                        code_seen |= 1 << p;
                        code = c.or(code);
                    }
                    Err(e) => return Err(self.wrong(key, "an integer code", e)),
                }
            } else if array.status.is_some_and(|(field, _)| field == key) {
                match map.next_value::<Option<Code>>() {
                    Ok(c) => {
                        let c = c.map(|c| c.0);
                        if status_seen {
                            repeated(&mut self.w.ambiguous, field, &status, &c);
                        }
                        status_seen = true;
                        status = c.or(status);
                    }
                    Err(e) => return Err(self.wrong(key, "an integer status", e)),
                }
            } else if array.messages.contains(&key) {
                match map.next_value::<Option<Text<'de>>>() {
                    Ok(m) => message = m.or(message),
                    Err(e) => return Err(self.wrong(key, "a string", e)),
                }
            } else if let Some(p) = array.items.iter().position(|path| path[0] == key) {
                let found = map.next_value_seed(NameSeed {
                    rest: &array.items[p][1..],
                })?;
                if let Some(found) = found
                    && name.as_ref().is_none_or(|(q, _)| p < *q)
                {
                    name = Some((p, found));
                }
            } else {
                map.next_value::<Skip>()?;
            }
        }
        let failed_status = match (status, array.status) {
            (Some(s), Some((_, failed))) => failed.contains(&s),
            _ => false,
        };
        let nonzero_code = code.is_some_and(|c| c != 0);
        Ok((nonzero_code || failed_status).then(|| RawItem {
            array,
            code: code.filter(|&c| c != 0),
            status: status.filter(|_| failed_status),
            message,
            name: name.map(|(p, text)| (array.items[p], text)),
        }))
    }
}

/// The value of a naming member: the value itself when `rest` is empty,
/// else the member `rest` leads to inside an object. Anything else is `None`.
struct NameSeed {
    rest: &'static [&'static str],
}

impl<'de> DeserializeSeed<'de> for NameSeed {
    type Value = Option<Text<'de>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NameSeed {
    type Value = Option<Text<'de>>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a name")
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(self.rest.is_empty().then_some(Text(Cow::Borrowed(s))))
    }
    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(self.rest.is_empty().then(|| Text(Cow::Owned(s.into()))))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
        Ok(self
            .rest
            .is_empty()
            .then(|| Text(Cow::Owned(n.to_string()))))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
        Ok(self
            .rest
            .is_empty()
            .then(|| Text(Cow::Owned(n.to_string()))))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(Text(key)) = map.next_key::<Text<'de>>()? {
            match self.rest.split_first() {
                Some((first, rest)) if *first == key => {
                    found = map.next_value_seed(NameSeed { rest })?.or(found);
                }
                _ => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        Ok(found)
    }
}

/// A list of strings naming failed items.
struct FailSeed<'w, 'de> {
    w: &'w mut Walked<'de>,
    list: &'static FailList,
}

impl<'de> DeserializeSeed<'de> for FailSeed<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match <Option<Vec<Option<Text<'de>>>> as de::Deserialize>::deserialize(d) {
            Ok(names) => {
                let list = self.list;
                self.w.fail_lists.extend(
                    names
                        .into_iter()
                        .flatten()
                        .flatten()
                        .map(|name| (list, name)),
                );
                Ok(())
            }
            Err(e) => {
                let array = self.list.array;
                Err(wrong(
                    self.w,
                    || array.to_string(),
                    "an array of strings",
                    e,
                ))
            }
        }
    }
}
