//! The single-pass scanner: validates a line by serde_json's rules (nesting
//! limit, number range, escapes, through [`super::json`]) and records where
//! each object's explanation goes.

use super::MAX_DEPTH;
use super::json::{number, number_code, number_in_range, skip_ws, string_code, string_end};
use super::paths::Paths;
use super::stops::StringStops;
use crate::Explanation;

/// A code field seen in the object being scanned.
#[derive(Debug, Clone, Copy)]
enum Seen {
    /// The field's value, read as a code (`None`: not a code).
    Code { field: u8, code: Option<i64> },
    /// The object already has `<field>_explained`.
    Explained { field: u8 },
}

/// An open array or object.
#[derive(Debug, Clone, Copy)]
struct Frame {
    object: bool,
    mask: u64,
    seen_from: usize,
    last_value_end: usize,
}

/// Where an explanation goes: after the last member of an object.
#[derive(Debug, Clone, Copy)]
pub(super) struct Insert {
    pub(super) at: usize,
    pub(super) field: u8,
    pub(super) code: i64,
    /// Looked up once the whole line is read, since the line's API field
    /// may come after the code.
    pub(super) explanation: Option<&'static Explanation>,
}

/// The scanner's scratch space, kept from line to line so that scanning
/// allocates nothing once warm. After [`scan`](Self::scan), `inserts` holds
/// where the line's explanations go and `line_api` where its API field's
/// string is.
#[derive(Debug, Clone, Default)]
pub(super) struct Scanner {
    frames: Vec<Frame>,
    seen: Vec<Seen>,
    pub(super) inserts: Vec<Insert>,
    key: Vec<u8>,
    stops: StringStops,
    /// The line's API value: (start, end) of the string token, and whether
    /// it has escapes.
    pub(super) line_api: Option<(usize, usize, bool)>,
}

impl Scanner {
    /// Validates `b` as JSON (already known to be UTF-8) and records where
    /// explanations go, for the fields of `paths`; a top-level string member
    /// named `api_field` is noted as the line's API. `None` when it is not
    /// valid JSON.
    pub(super) fn scan(&mut self, b: &[u8], paths: &Paths, api_field: Option<&[u8]>) -> Option<()> {
        self.frames.clear();
        self.seen.clear();
        self.inserts.clear();
        self.line_api = None;
        self.stops.index(b);
        let mut pos = skip_ws(b, 0);
        // What the value about to be read is: its path mask, and the field
        // it holds when it is a code field of its object.
        let mut mask = paths.root_mask();
        let mut field: Option<u8> = None;
        'value: loop {
            match *b.get(pos)? {
                open @ (b'{' | b'[') => {
                    if self.frames.len() == MAX_DEPTH {
                        return None;
                    }
                    if let Some(field) = field {
                        self.seen.push(Seen::Code { field, code: None });
                    }
                    let object = open == b'{';
                    self.frames.push(Frame {
                        object,
                        mask,
                        seen_from: self.seen.len(),
                        last_value_end: pos,
                    });
                    pos = skip_ws(b, pos + 1);
                    let close = if object { b'}' } else { b']' };
                    if b.get(pos) == Some(&close) {
                        pos += 1;
                        self.close(paths);
                    } else if object {
                        (pos, mask, field) = self.key(b, pos, paths, api_field)?;
                        continue 'value;
                    } else {
                        (mask, field) = (paths.array_child_mask(mask), None);
                        continue 'value;
                    }
                }
                b'"' => {
                    let (end, escaped) = string_end(b, &self.stops, pos + 1)?;
                    if let Some(field) = field {
                        let code = string_code(&b[pos..end], escaped);
                        self.seen.push(Seen::Code { field, code });
                    }
                    pos = end;
                }
                b'-' | b'0'..=b'9' => {
                    let (end, quick) = number(b, pos)?;
                    let token = &b[pos..end];
                    if quick.is_none() && !number_in_range(token) {
                        return None;
                    }
                    if let Some(field) = field {
                        let code = quick.or_else(|| number_code(token));
                        self.seen.push(Seen::Code { field, code });
                    }
                    pos = end;
                }
                c => {
                    let word: &[u8] = match c {
                        b't' => b"true",
                        b'f' => b"false",
                        b'n' => b"null",
                        _ => return None,
                    };
                    if !b[pos..].starts_with(word) {
                        return None;
                    }
                    if let Some(field) = field {
                        self.seen.push(Seen::Code { field, code: None });
                    }
                    pos += word.len();
                }
            }
            // After a value: a separator, or the end of containers.
            loop {
                let Some(top) = self.frames.last_mut() else {
                    return (skip_ws(b, pos) == b.len()).then_some(());
                };
                top.last_value_end = pos;
                let (object, parent_mask) = (top.object, top.mask);
                pos = skip_ws(b, pos);
                match (*b.get(pos)?, object) {
                    (b',', true) => {
                        (pos, mask, field) = self.key(b, skip_ws(b, pos + 1), paths, api_field)?;
                        continue 'value;
                    }
                    (b',', false) => {
                        pos = skip_ws(b, pos + 1);
                        (mask, field) = (paths.array_child_mask(parent_mask), None);
                        continue 'value;
                    }
                    (b'}', true) | (b']', false) => {
                        pos += 1;
                        self.close(paths);
                    }
                    _ => return None,
                }
            }
        }
    }

    /// Reads `"key" :` at `pos` in the innermost object; returns the position
    /// of the value, its mask, and the field it is when it is a code field.
    #[inline(always)]
    fn key(
        &mut self,
        b: &[u8],
        pos: usize,
        paths: &Paths,
        api_field: Option<&[u8]>,
    ) -> Option<(usize, u64, Option<u8>)> {
        if b.get(pos) != Some(&b'"') {
            return None;
        }
        let (end, escaped) = string_end(b, &self.stops, pos + 1)?;
        let colon = skip_ws(b, end);
        if b.get(colon) != Some(&b':') {
            return None;
        }
        let value = skip_ws(b, colon + 1);
        let mask = self.frames.last()?.mask;
        if mask == 0 {
            return Some((value, 0, None));
        }
        let raw = &b[pos + 1..end - 1];
        if self.frames.len() == 1
            && !escaped
            && api_field == Some(raw)
            && b.get(value) == Some(&b'"')
        {
            let (api_end, api_escaped) = string_end(b, &self.stops, value + 1)?;
            self.line_api = Some((value, api_end, api_escaped));
        }
        let key: &[u8] = if escaped {
            let decoded: String = serde_json::from_slice(&b[pos..end]).ok()?;
            self.key.clear();
            self.key.extend_from_slice(decoded.as_bytes());
            &self.key
        } else {
            raw
        };
        let member = paths.member(mask, key);
        if let Some(field) = member.explains {
            self.seen.push(Seen::Explained { field });
        }
        Some((value, member.child, member.field))
    }

    /// Closes the innermost container; for an object, decides its insertions.
    fn close(&mut self, paths: &Paths) {
        let frame = self.frames.pop().expect("a container is open");
        if frame.object {
            let insert = |field, code| Insert {
                at: frame.last_value_end,
                field,
                code,
                explanation: None,
            };
            match self.seen[frame.seen_from..] {
                // Most objects have one code field or none.
                []
                | [Seen::Explained { .. }]
                | [
                    Seen::Code {
                        code: None | Some(0),
                        ..
                    },
                ] => {}
                [
                    Seen::Code {
                        field,
                        code: Some(code),
                    },
                ] => self.inserts.push(insert(field, code)),
                ref seen => {
                    for field in 0..paths.field_count() {
                        let mut code = None;
                        let mut explained = false;
                        for seen in seen {
                            match *seen {
                                Seen::Code { field: f, code: c } if f == field => code = c,
                                Seen::Explained { field: f } if f == field => explained = true,
                                _ => {}
                            }
                        }
                        if let Some(code) = code.filter(|&c| c != 0 && !explained) {
                            self.inserts.push(insert(field, code));
                        }
                    }
                }
            }
        }
        self.seen.truncate(frame.seen_from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(line: &str, paths: &Paths) -> Option<Vec<(usize, u8, i64)>> {
        let mut s = Scanner::default();
        s.scan(line.as_bytes(), paths, Some(b"api"))?;
        Some(s.inserts.iter().map(|i| (i.at, i.field, i.code)).collect())
    }

    #[test]
    fn records_each_objects_codes_after_its_last_member() {
        let paths = Paths::default();
        let line = r#"{"ErrorCode":70001,"ResultItem":[{"ResultCode":30010,"x":1}]}"#;
        let inserts = scan(line, &paths).unwrap();
        // The inner object closes first; each insertion is after its last value.
        assert_eq!(inserts.len(), 2);
        assert_eq!(
            &line[..inserts[0].0],
            r#"{"ErrorCode":70001,"ResultItem":[{"ResultCode":30010,"x":1"#
        );
        assert_eq!(inserts[0].2, 30010);
        assert_eq!(inserts[1].2, 70001);
    }

    #[test]
    fn zero_codes_explained_fields_and_non_codes_get_nothing() {
        let paths = Paths::default();
        for line in [
            r#"{"ErrorCode":0}"#,
            r#"{"ErrorCode":70001,"ErrorCode_explained":{}}"#,
            r#"{"ErrorCode":"none","ResultCode":true}"#,
        ] {
            assert_eq!(scan(line, &paths), Some(vec![]), "{line}");
        }
    }

    #[test]
    fn notes_where_the_lines_api_is_and_refuses_broken_json() {
        let paths = Paths::default();
        let mut s = Scanner::default();
        let line = br#"{"api":"v4/sns/friend_add","ErrorCode":1}"#;
        s.scan(line, &paths, Some(b"api")).unwrap();
        let (start, end, escaped) = s.line_api.unwrap();
        assert_eq!(&line[start..end], br#""v4/sns/friend_add""#);
        assert!(!escaped);
        for bad in [
            r#"{"ErrorCode":1,}"#,
            r#"{"a":"\ud800"}"#,
            "{\"a\":1e999}",
            "[1] 2",
        ] {
            assert!(scan(bad, &paths).is_none(), "{bad}");
        }
    }
}
