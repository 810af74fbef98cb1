//! Examples of chatcodes beside the crates real services use; see
//! `tencent_im_backon.rs` and `typed_error.rs`. Built in CI
//! (`cargo build -p chatcodes-examples --examples`), never published.
