//! The values a response walk reads: text ([`Text`]), codes (`Code`), and
//! everything else, validated and dropped ([`Skip`]).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};

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
pub(crate) struct Code(pub(crate) i64);

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
