//! Empty: the benchmark lives in benches/lookup.rs.
