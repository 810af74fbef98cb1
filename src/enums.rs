//! The enums `build.rs` generates from `data/`: [`Vendor`], [`Namespace`]
//! and [`Category`] from the data layout, [`Retryability`] from
//! `data/retryability.toml`. They depend on nothing else in the crate, so the
//! types entries are made of never depend on the table of entries.

include!(concat!(env!("OUT_DIR"), "/enums.rs"));
