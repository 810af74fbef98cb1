//! JSON tokens, read as `serde_json` reads them: whitespace, strings (escapes,
//! surrogate pairs, control characters), numbers (JSON's grammar, the `f64`
//! range) and codes in either form. The scanner walks a line with these.

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
pub(crate) fn string_end(b: &[u8], pos: usize) -> Option<(usize, bool)> {
    let pos = skip_plain(b, pos);
    match *b.get(pos)? {
        b'"' => Some((pos + 1, false)),
        b'\\' => escaped_string_end(b, pos),
        _ => None,
    }
}

/// [`string_end`] from the string's first backslash, at `pos`: kept out of
/// line, as most strings in a log have none.
#[inline(never)]
fn escaped_string_end(b: &[u8], mut pos: usize) -> Option<(usize, bool)> {
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
        pos = skip_plain(b, pos);
    }
}

/// Skips string bytes that need no attention (not `"`, `\\`, or a control
/// character), eight at a time: the position of the first that does, or the
/// end of `b`.
#[inline(always)]
fn skip_plain(b: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of the result is set where `word` has a byte
    // below `n` (`n` <= 0x80; exact for the lowest such byte).
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH;
    let equal = |word: u64, c: u8| below(word ^ (ONES * u64::from(c)), 1);
    let first_special = |word: u64| {
        let special = below(word, 0x20) | equal(word, b'"') | equal(word, b'\\');
        (special != 0).then(|| (special.trailing_zeros() / 8) as usize)
    };
    while let Some(chunk) = b.get(pos..pos + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if let Some(at) = first_special(word) {
            return pos + at;
        }
        pos += 8;
    }
    if pos >= b.len() {
        return b.len();
    }
    // Fewer than eight bytes left: the line's last eight, shifted so that
    // `pos` is the lowest byte; the zeros shifted in count as special, past
    // the end.
    match b.len().checked_sub(8) {
        Some(last) => {
            let chunk = &b[last..];
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let at = first_special(word >> (8 * (pos - last))).unwrap_or(b.len() - pos);
            (pos + at).min(b.len())
        }
        None => {
            let rest = &b[pos..];
            pos + rest
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .unwrap_or(rest.len())
        }
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
    use super::{number, number_in_range, skip_plain, string_end};

    /// Eight at a time, through the last eight shifted, or byte by byte on
    /// short lines: the first special byte, wherever it is, or the end.
    #[test]
    fn skip_plain_stops_at_the_first_special_byte_or_the_end() {
        for len in 0..24 {
            for special_at in (0..len).map(Some).chain([None]) {
                for special in [b'"', b'\\', 0x01, 0x1F] {
                    let mut line = vec![b'a'; len];
                    line.iter_mut().step_by(3).for_each(|c| *c = 0xC3);
                    if let Some(at) = special_at {
                        line[at] = special;
                    }
                    for pos in 0..=len {
                        let expected = (pos..len)
                            .find(|&i| matches!(line[i], b'"' | b'\\' | 0..0x20))
                            .unwrap_or(len);
                        assert_eq!(skip_plain(&line, pos), expected, "{line:?} from {pos}");
                    }
                }
            }
        }
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
                let (end, escaped) = string_end(line.as_bytes(), 1).unwrap();
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
            assert_eq!(string_end(bad.as_bytes(), 1), None, "{bad}");
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
