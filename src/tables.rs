//! The catalogue compiled by `build.rs` from `data/`: the [`Vendor`],
//! [`Namespace`] and [`Category`] enums, the entry table and the `phf` maps.
#![allow(clippy::all, clippy::pedantic, clippy::unreadable_literal)]

use crate::explanation::{Codes, Explanation, Source};
use crate::retryability::Retryability;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
