//! Where a line's strings may end: an index of the bytes a string's scan
//! stops at (`"`, `\` and control characters), built sixteen bytes at a time
//! with SSE2 on x86-64 (through `safe_arch`) and eight at a time elsewhere,
//! so that finding the end of a string is a bit search.

/// Bit `i % 64` of word `i / 64` is set when byte `i` of the indexed line is
/// `"`, `\` or below 0x20, and for the bytes that pad the last word.
#[derive(Debug, Clone, Default)]
pub(super) struct StringStops {
    words: Vec<u64>,
}

impl StringStops {
    /// Indexes `line`, replacing what was indexed before.
    pub(super) fn index(&mut self, line: &[u8]) {
        self.words.clear();
        let mut chunks = line.chunks_exact(64);
        self.words
            .extend((&mut chunks).map(|chunk| stops_in(chunk.try_into().expect("64 bytes"))));
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut padded = [0; 64];
            padded[..rest.len()].copy_from_slice(rest);
            self.words.push(stops_in(&padded));
        }
    }

    /// The first stop at or after `pos`, or `usize::MAX` when there is none
    /// (the line ended, unpadded, on a word's edge).
    #[inline(always)]
    pub(super) fn next(&self, pos: usize) -> usize {
        let mut i = pos / 64;
        let Some(&first) = self.words.get(i) else {
            return usize::MAX;
        };
        let mut word = first & (u64::MAX << (pos % 64));
        while word == 0 {
            i += 1;
            match self.words.get(i) {
                Some(&next) => word = next,
                None => return usize::MAX,
            }
        }
        i * 64 + word.trailing_zeros() as usize
    }
}

/// The stops among 64 bytes, bit `i` for byte `i`: with SSE2 where there
/// is SSE2 (every x86-64), else eight bytes at a time.
#[inline]
fn stops_in(chunk: &[u8; 64]) -> u64 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    return stops_in_sse2(chunk);
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    return stops_in_words(chunk);
}

/// [`stops_in`], sixteen bytes at a time.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
fn stops_in_sse2(chunk: &[u8; 64]) -> u64 {
    use safe_arch::{
        bitor_m128i, cmp_eq_mask_i8_m128i, m128i, min_u8_m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };
    let quote = set_splat_i8_m128i(b'"' as i8);
    let backslash = set_splat_i8_m128i(b'\\' as i8);
    let control = set_splat_i8_m128i(0x1F);
    chunk
        .chunks_exact(16)
        .enumerate()
        .fold(0, |stops, (i, bytes)| {
            let v = m128i::from(<[u8; 16]>::try_from(bytes).expect("16 bytes"));
            let special = bitor_m128i(
                bitor_m128i(
                    cmp_eq_mask_i8_m128i(v, quote),
                    cmp_eq_mask_i8_m128i(v, backslash),
                ),
                // v <= 0x1F, unsigned: min(v, 0x1F) == v.
                cmp_eq_mask_i8_m128i(min_u8_m128i(v, control), v),
            );
            stops | u64::from(move_mask_i8_m128i(special) as u16) << (16 * i)
        })
}

/// [`stops_in`], eight bytes at a time in a `u64` (compiled everywhere, so
/// that x86-64's tests check it too).
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
fn stops_in_words(chunk: &[u8; 64]) -> u64 {
    chunk
        .chunks_exact(8)
        .enumerate()
        .fold(0, |stops, (i, word)| {
            let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            stops | u64::from(stops_in_word(word)) << (8 * i)
        })
}

/// The stops among eight bytes (little-endian in `x`), bit `i` for byte `i`:
/// each test is exact for every byte (no borrow crosses bytes), then the
/// bytes' high bits are gathered into one byte by a multiplication.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
fn stops_in_word(x: u64) -> u8 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte is clear exactly where the byte is zero.
    let non_zero = |z: u64| ((z & LOW7) + LOW7) | z;
    let not_quote = non_zero(x ^ (ONES * u64::from(b'"')));
    let not_backslash = non_zero(x ^ (ONES * u64::from(b'\\')));
    // Clear exactly where the byte is below 0x20.
    let not_control = ((x & LOW7) + ONES * 0x60) | x;
    let stops = !(not_quote & not_backslash & not_control) & HIGH;
    ((stops >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_stop(c: u8) -> bool {
        c == b'"' || c == b'\\' || c < 0x20
    }

    /// Bytes that are stops and bytes next to them in value, at random.
    fn bytes(seed: &mut u64, len: usize) -> Vec<u8> {
        let alphabet = [
            b'"', b'\\', 0, 0x1F, 0x20, b'!', b'#', b'[', b']', 0x7F, 0x80, 0xC3, 0xFF, b'a',
        ];
        (0..len)
            .map(|_| {
                *seed ^= *seed << 13;
                *seed ^= *seed >> 7;
                *seed ^= *seed << 17;
                alphabet[(*seed % alphabet.len() as u64) as usize]
            })
            .collect()
    }

    #[test]
    fn words_and_chunks_flag_exactly_the_stops() {
        let mut seed = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            let chunk: [u8; 64] = bytes(&mut seed, 64).try_into().unwrap();
            let expected = (0..64)
                .filter(|&i| is_stop(chunk[i]))
                .fold(0u64, |m, i| m | 1 << i);
            assert_eq!(stops_in(&chunk), expected, "{chunk:?}");
            assert_eq!(stops_in_words(&chunk), expected, "{chunk:?}");
            #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
            assert_eq!(stops_in_sse2(&chunk), expected, "{chunk:?}");
        }
    }

    #[test]
    fn next_finds_the_first_stop_from_any_position() {
        let mut seed = 0x2545_F491_4F6C_DD1D;
        let mut stops = StringStops::default();
        for len in (0..200).chain([256, 1000]) {
            for density in [1, 8, 64, 1000] {
                let mut line = bytes(&mut seed, len);
                // Fewer stops: most bytes plain, as in a log line.
                for (i, c) in line.iter_mut().enumerate() {
                    if is_stop(*c) && i % density != 0 {
                        *c = b'x';
                    }
                }
                stops.index(&line);
                for pos in 0..=len + 70 {
                    let expected = (pos..len).find(|&i| is_stop(line[i]));
                    let found = stops.next(pos);
                    match expected {
                        Some(at) => assert_eq!(found, at, "len {len} from {pos}"),
                        // Past the line: padding, or nothing at all.
                        None => assert!(found >= len, "len {len} from {pos}: {found}"),
                    }
                }
            }
        }
    }
}
