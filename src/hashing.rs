//! The hashes of the perfect-hash tables. Shared, by `#[path]`, between the
//! build script that builds the tables and the crate that reads them.
//!
//! The keys are fixed at build time, so the hashes need no resistance to
//! chosen keys (a perfect hash has no collisions to provoke); they only need
//! to spread the keys, which phf's PTRHash generator checks when it builds a
//! table. A folded 64x64->128-bit multiply per 8 bytes is several times
//! cheaper than phf's default SipHash-1-3 (see BENCHMARKS.md).

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// A 64x64->128-bit multiply, folded to 64 bits.
#[inline]
fn fold(x: u64, k: u64) -> u64 {
    let product = u128::from(x) * u128::from(k);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Hashes a code with a table's `seed`.
#[inline]
pub fn code_hash(code: &i64, seed: &u64) -> u64 {
    fold(*code as u64 ^ *seed, K)
}

/// Hashes a name (its bytes) with a table's `seed`.
#[inline]
pub fn name_hash(name: &[u8], seed: &u64) -> u64 {
    let mut hash = fold(*seed ^ name.len() as u64, K);
    for chunk in name.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        hash = fold(hash ^ u64::from_le_bytes(word), K ^ 0x5851_F42D_4C95_7F2D);
    }
    fold(hash, K)
}
