//! JSON tokens, read as `serde_json` reads them: whitespace, strings (escapes,
//! surrogate pairs, control characters), numbers (JSON's grammar, the `f64`
//! range) and codes in either form. The scanner walks a line with these.

use super::stops::StringStops;
use crate::code_from_json;

/// JSON whitespace (space, tab, line feed, carriage return) from `pos` on.
#[inline(always)]
pub(crate) fn skip_ws(b: &[u8], mut pos: usize) -> usize {
    // Anything above a space ends it: one comparison for the usual byte.
    while let Some(&c) = b.get(pos) {
        if c > b' ' || !matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            break;
        }
        pos += 1;
    }
    pos
}

/// The end (past the closing quote) of the string whose contents start at
/// `pos`, checking escapes and control characters, and whether it has
/// escapes. UTF-8 is checked by the caller, for the whole line at once.
/// Inlined: the calls, several per key, cost as much as the search.
#[inline(always)]
pub(crate) fn string_end(b: &[u8], stops: &StringStops, pos: usize) -> Option<(usize, bool)> {
    let pos = stops.next(pos);
    match *b.get(pos)? {
        b'"' => Some((pos + 1, false)),
        b'\\' => escaped_string_end(b, stops, pos),
        _ => None,
    }
}

/// [`string_end`] from the string's first backslash, at `pos`: kept out of
/// line, as most strings in a log have none.
#[inline(never)]
fn escaped_string_end(b: &[u8], stops: &StringStops, mut pos: usize) -> Option<(usize, bool)> {
    loop {
        match *b.get(pos)? {
            b'"' => return Some((pos + 1, true)),
            b'\\' => {
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
            _ => return None,
        }
        pos = stops.next(pos);
    }
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
pub(crate) fn number(b: &[u8], mut pos: usize) -> Option<(usize, Option<i64>)> {
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
pub(crate) fn number_in_range(token: &[u8]) -> bool {
    if token.len() <= 308 && !token.iter().any(|&c| c == b'e' || c == b'E') {
        return true;
    }
    std::str::from_utf8(token)
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        .is_some_and(f64::is_finite)
}

/// A number token read as a code, as [`code_from_json`] reads it.
pub(crate) fn number_code(token: &[u8]) -> Option<i64> {
    code_from_json(&serde_json::from_slice(token).ok()?)
}

/// A string token (with its quotes) read as a code, as [`code_from_json`]
/// reads it.
pub(crate) fn string_code(token: &[u8], escaped: bool) -> Option<i64> {
    if escaped {
        return code_from_json(&serde_json::from_slice(token).ok()?);
    }
    std::str::from_utf8(&token[1..token.len() - 1])
        .ok()?
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::{StringStops, number, number_in_range, string_end};

    fn string_end_of(line: &[u8]) -> Option<(usize, bool)> {
        let mut stops = StringStops::default();
        stops.index(line);
        string_end(line, &stops, 1)
    }

    #[test]
    fn string_ends_match_serde_json() {
        for body in [
            "",
            "a",
            r#"\""#,
            r"\\",
            r"\u00e9x",
            r"\ud83d\ude00",
            "abcdefghij",
            r"abcdefgh\n",
        ] {
            for tail in ["", "}", ",\"k\":1}", "        "] {
                let line = format!("\"{body}\"{tail}");
                let (end, escaped) = string_end_of(line.as_bytes()).unwrap();
                assert_eq!(end, body.len() + 2, "{line}");
                assert_eq!(escaped, body.contains('\\'), "{line}");
                let decoded: String = serde_json::from_str(&line[..end]).unwrap();
                assert!(decoded.len() <= body.len(), "{line}");
            }
        }
        for bad in [
            "\"abc",
            "\"a\tb\"",
            r#""\x""#,
            r#""\ud800""#,
            r#""\udc00""#,
            "\"abcdefgh\\",
        ] {
            assert_eq!(string_end_of(bad.as_bytes()), None, "{bad}");
        }
    }

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
