//! The single-pass scanner: validates a line by serde_json's rules
//! (nesting limit, number range, escapes) and records where each object's
//! explanation goes.

use super::paths::{Position, Step, child_of_object, for_each_bit};
use super::{DEFAULTS, EXPLAINED_SUFFIX, Enricher, MAX_DEPTH};
use crate::{Explanation, code_from_json};

/// A code field seen in the object being scanned.
#[derive(Debug, Clone, Copy)]
pub(super) enum Seen {
    /// The field's value, read as a code (`None`: not a code).
    Code { field: u8, code: Option<i64> },
    /// The object already has `<field>_explained`.
    Explained { field: u8 },
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Frame {
    pub(super) object: bool,
    pub(super) mask: u64,
    pub(super) seen_from: usize,
    pub(super) last_value_end: usize,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Insert {
    pub(super) at: usize,
    pub(super) field: u8,
    pub(super) code: i64,
    /// Looked up once the whole line is read, since the line's API field
    /// may come after the code.
    pub(super) explanation: Option<&'static Explanation>,
}

impl Enricher {
    /// Validates `line` as JSON (already known to be UTF-8) and records where
    /// explanations go. `None` when it is not valid JSON.
    pub(super) fn scan(&mut self, b: &[u8], root_mask: u64) -> Option<()> {
        self.frames.clear();
        self.seen.clear();
        self.line_api = None;
        let mut pos = skip_ws(b, 0);
        // What the value about to be read is: its path mask, and the field
        // it holds when it is a code field of its object.
        let mut mask = root_mask;
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
                        self.close();
                    } else if object {
                        (pos, mask, field) = self.key(b, pos)?;
                        continue 'value;
                    } else {
                        (mask, field) = (self.array_child_mask(mask), None);
                        continue 'value;
                    }
                }
                b'"' => {
                    let (end, escaped) = string_end(b, pos + 1)?;
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
                        (pos, mask, field) = self.key(b, skip_ws(b, pos + 1))?;
                        continue 'value;
                    }
                    (b',', false) => {
                        pos = skip_ws(b, pos + 1);
                        (mask, field) = (self.array_child_mask(parent_mask), None);
                        continue 'value;
                    }
                    (b'}', true) | (b']', false) => {
                        pos += 1;
                        self.close();
                    }
                    _ => return None,
                }
            }
        }
    }

    /// Reads `"key" :` at `pos` in the innermost object; returns the position
    /// of the value, its mask, and the field it is when it is a code field.
    pub(super) fn key(&mut self, b: &[u8], pos: usize) -> Option<(usize, u64, Option<u8>)> {
        if b.get(pos) != Some(&b'"') {
            return None;
        }
        let (end, escaped) = string_end(b, pos + 1)?;
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
            && self.api_field.as_deref() == Some(raw)
            && b.get(value) == Some(&b'"')
        {
            let (api_end, api_escaped) = string_end(b, value + 1)?;
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
        let (child, field) =
            child_of_object(&self.positions, &self.fields, self.anywhere, mask, key);
        if let Some(base) = key.strip_suffix(EXPLAINED_SUFFIX.as_bytes()) {
            if let Some(f) = self.fields.iter().position(|f| f.as_bytes() == base) {
                self.seen.push(Seen::Explained { field: f as u8 });
            }
        }
        Some((value, child, field))
    }

    pub(super) fn array_child_mask(&self, mask: u64) -> u64 {
        let mut child = mask & DEFAULTS;
        if child != 0 {
            child |= self.anywhere;
        }
        for_each_bit(mask & !DEFAULTS, |i| {
            if matches!(self.positions[i], Position::Step(Step::Each)) {
                child |= 1 << (i + 1);
            }
        });
        child
    }

    /// Closes the innermost container; for an object, decides its insertions.
    pub(super) fn close(&mut self) {
        let frame = self.frames.pop().expect("a container is open");
        if frame.object {
            for field in 0..self.fields.len() as u8 {
                let mut code = None;
                let mut explained = false;
                for seen in &self.seen[frame.seen_from..] {
                    match *seen {
                        Seen::Code { field: f, code: c } if f == field => code = c,
                        Seen::Explained { field: f } if f == field => explained = true,
                        _ => {}
                    }
                }
                if let Some(code) = code.filter(|&c| c != 0 && !explained) {
                    self.inserts.push(Insert {
                        at: frame.last_value_end,
                        field,
                        code,
                        explanation: None,
                    });
                }
            }
        }
        self.seen.truncate(frame.seen_from);
    }
}

/// JSON whitespace (space, tab, line feed, carriage return) from `pos` on.
pub(super) fn skip_ws(b: &[u8], mut pos: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = b.get(pos) {
        pos += 1;
    }
    pos
}

/// The end (past the closing quote) of the string whose contents start at
/// `pos`, checking escapes and control characters, and whether it has
/// escapes. UTF-8 is checked by the caller, for the whole line at once.
pub(super) fn string_end(b: &[u8], mut pos: usize) -> Option<(usize, bool)> {
    let mut escaped = false;
    loop {
        pos = skip_plain(b, pos);
        match *b.get(pos)? {
            b'"' => return Some((pos + 1, escaped)),
            b'\\' => {
                escaped = true;
                pos += 1;
                match *b.get(pos)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => pos += 1,
                    b'u' => {
                        let unit = hex4(b, pos + 1)?;
                        pos += 5;
                        if (0xDC00..0xE000).contains(&unit) {
                            return None;
                        }
                        if (0xD800..0xDC00).contains(&unit) {
                            if b.get(pos..pos + 2)? != b"\\u" {
                                return None;
                            }
                            let low = hex4(b, pos + 2)?;
                            if !(0xDC00..0xE000).contains(&low) {
                                return None;
                            }
                            pos += 6;
                        }
                    }
                    _ => return None,
                }
            }
            0..0x20 => return None,
            _ => pos += 1,
        }
    }
}

/// Skips string bytes that need no attention (not `"`, `\`, or a control
/// character), eight at a time.
fn skip_plain(b: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of the result is set where `word` has a byte
    // below `n` (`n` <= 0x80; exact for the lowest such byte).
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH;
    let equal = |word: u64, c: u8| below(word ^ (ONES * u64::from(c)), 1);
    while let Some(chunk) = b.get(pos..pos + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let special = below(word, 0x20) | equal(word, b'"') | equal(word, b'\\');
        if special != 0 {
            return pos + (special.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    pos
}

fn hex4(b: &[u8], pos: usize) -> Option<u16> {
    let digits = b.get(pos..pos + 4)?;
    let text = std::str::from_utf8(digits).ok()?;
    if !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    u16::from_str_radix(text, 16).ok()
}

/// The end of the number starting at `pos`, by JSON's grammar, and its
/// value when it is an integer that fits an `i64` (read in the same pass,
/// as `str::parse::<i64>` would read it).
fn number(b: &[u8], mut pos: usize) -> Option<(usize, Option<i64>)> {
    let digits = |b: &[u8], mut pos: usize| {
        let start = pos;
        while b.get(pos).is_some_and(u8::is_ascii_digit) {
            pos += 1;
        }
        (pos > start).then_some(pos)
    };
    let negative = b.get(pos) == Some(&b'-');
    if negative {
        pos += 1;
    }
    // Accumulated below zero, so that i64::MIN fits.
    let mut below = Some(0i64);
    match b.get(pos)? {
        b'0' => pos += 1,
        b'1'..=b'9' => {
            while let Some(&d) = b.get(pos).filter(|d| d.is_ascii_digit()) {
                below = below
                    .and_then(|v| v.checked_mul(10))
                    .and_then(|v| v.checked_sub(i64::from(d - b'0')));
                pos += 1;
            }
        }
        _ => return None,
    }
    let mut integer = true;
    if b.get(pos) == Some(&b'.') {
        integer = false;
        pos = digits(b, pos + 1)?;
    }
    if let Some(b'e' | b'E') = b.get(pos) {
        integer = false;
        pos += 1;
        if let Some(b'+' | b'-') = b.get(pos) {
            pos += 1;
        }
        pos = digits(b, pos)?;
    }
    let value = match (integer, negative) {
        (false, _) => None,
        (true, true) => below,
        (true, false) => below.and_then(i64::checked_neg),
    };
    Some((pos, value))
}

/// Whether `serde_json` can represent the number: it rejects numbers whose
/// value overflows `f64`. Without an exponent, a number of at most 308
/// characters is below 1e308 and always fits.
fn number_in_range(token: &[u8]) -> bool {
    if token.len() <= 308 && !token.iter().any(|&c| c == b'e' || c == b'E') {
        return true;
    }
    std::str::from_utf8(token)
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        .is_some_and(f64::is_finite)
}

/// A number token read as a code, as [`code_from_json`] reads it.
fn number_code(token: &[u8]) -> Option<i64> {
    code_from_json(&serde_json::from_slice(token).ok()?)
}

/// A string token (with its quotes) read as a code, as [`code_from_json`]
/// reads it.
fn string_code(token: &[u8], escaped: bool) -> Option<i64> {
    if escaped {
        return code_from_json(&serde_json::from_slice(token).ok()?);
    }
    std::str::from_utf8(&token[1..token.len() - 1])
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Whether a JSON value starts with the number 0 and nothing more (not `0.5`, `05`).
pub(super) fn is_literal_zero(value: &[u8]) -> bool {
    match value {
        [b'0', next, ..] => {
            !(next.is_ascii_digit() || *next == b'.' || *next == b'e' || *next == b'E')
        }
        [b'0'] => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{number, number_in_range};

    /// `number` reads the value `str::parse::<i64>` reads, and ends where
    /// JSON's grammar ends the number.
    #[test]
    fn numbers_read_as_str_parse_reads_them() {
        let tokens = [
            "0",
            "-0",
            "7",
            "70001",
            "-10106",
            "9223372036854775807",
            "-9223372036854775808",
            "9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "1.5",
            "1e3",
            "-2E-2",
            "10.0",
        ];
        for token in tokens {
            let line = format!("{token},");
            let (end, value) = number(line.as_bytes(), 0).unwrap();
            assert_eq!(end, token.len(), "{token}");
            assert_eq!(value, token.parse::<i64>().ok(), "{token}");
        }
        for bad in ["-", "01", "1.", ".5", "1e", "-x", "1e+"] {
            let parsed = number(bad.as_bytes(), 0);
            assert!(
                parsed.is_none_or(|(end, _)| end < bad.len()),
                "{bad}: {parsed:?}"
            );
        }
    }

    #[test]
    fn numbers_out_of_f64_range_are_refused_with_or_without_an_exponent() {
        assert!(number_in_range(b"1e308") && number_in_range(b"-1.5e-400"));
        assert!(!number_in_range(b"1e400") && !number_in_range(b"-2E309"));
        let long = "9".repeat(308);
        assert!(number_in_range(long.as_bytes()));
        let too_long = "9".repeat(310);
        assert!(!number_in_range(too_long.as_bytes()));
    }
}
