//! The per-item places of a walk: arrays of item results (each element's
//! code, status, message and name) and lists of failed items.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::values::{Code, Skip, Text};
use super::walk::{RawItem, Walked, repeated, wrong};
use crate::api::{FailList, ItemArray};

/// An array of per-item results.
pub(super) struct ItemsSeed<'w, 'de> {
    pub(super) w: &'w mut Walked<'de>,
    pub(super) array: &'static ItemArray,
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
pub(super) struct FailSeed<'w, 'de> {
    pub(super) w: &'w mut Walked<'de>,
    pub(super) list: &'static FailList,
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
