//! What a crate that builds on chatcodes writes, without glue: codes of any
//! integer type, the enums through serde both ways, explanations and errors
//! as JSON, and which catalogue the build carries.

use chatcodes::{
    ChatError, Namespace, Retryability, explain, explain_all, explain_for_api, explain_in,
};

#[test]
fn codes_of_any_integer_type() {
    let from_client_crate: i32 = 70001;
    let unsigned: u32 = 70001;
    assert_eq!(explain(from_client_crate), explain(70001_i64));
    assert_eq!(explain(unsigned), explain(70001_i64));
    assert_eq!(explain_all(1001_i32).count(), 2);
    assert!(explain_in(Namespace::TencentServer, 10010_u16).is_some());
    assert!(explain_for_api("v4/sns/friend_add", 30010_i32).is_some());
    assert_eq!(ChatError::new(70001_i32, "").code(), Some(70001));
}

#[test]
fn enums_read_and_write_the_export_names() {
    for r in Retryability::ALL {
        let json = serde_json::to_string(r).unwrap();
        assert_eq!(serde_json::from_str::<Retryability>(&json).unwrap(), *r);
        assert_eq!(json, format!("\"{r}\""));
    }
    for n in Namespace::ALL {
        let json = serde_json::to_string(n).unwrap();
        assert_eq!(serde_json::from_str::<Namespace>(&json).unwrap(), *n);
    }
    assert!(serde_json::from_str::<Retryability>("\"sometimes\"").is_err());
    let op: chatcodes::Operation = serde_json::from_str("\"read\"").unwrap();
    assert_eq!(op, chatcodes::Operation::Read);
}

#[test]
fn explanations_and_errors_serialize_as_records() {
    let value = serde_json::to_value(explain(70001)).unwrap();
    assert_eq!(value["retryability"], "reauthenticate");
    assert_eq!(
        value,
        serde_json::to_value(explain(70001).unwrap().record()).unwrap()
    );
    let err = serde_json::to_value(ChatError::without_code("busy")).unwrap();
    assert_eq!(
        (err["code"].is_null(), &err["retryability"]),
        (true, &"unknown".into())
    );
}

#[test]
fn the_build_names_its_catalogue() {
    let (version, digest) = chatcodes::CATALOGUE_VERSION.split_once('+').unwrap();
    assert!(version.starts_with("20"));
    assert!(digest.chars().all(|c| c.is_ascii_hexdigit()));
}
