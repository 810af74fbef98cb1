//! The lookup API's documented behaviour: precedence, collisions, ranges,
//! negative and unknown codes, API wording, names, parsing and typed errors.

use std::time::Duration;

use chatcodes::{
    ChatError, CodeQuery, Codes, Namespace, ParseCodeError, Retryability, Vendor, entries, explain,
    explain_all, explain_for_api, explain_in, explain_name,
};

fn namespaces(code: i64) -> Vec<Namespace> {
    explain_all(code).map(|e| e.namespace()).collect()
}

#[test]
fn explain_all_lists_both_vendors_for_1001_to_1005() {
    for code in 1001..=1005 {
        // The server namespaces first; a client SDK's own meaning (the Web
        // SDK's 1002) after them.
        let found = namespaces(code);
        assert_eq!(
            found[..2],
            [Namespace::TencentServer, Namespace::NexconnBusiness],
            "{code}"
        );
        assert!(
            found[2..].iter().all(|n| *n == Namespace::TencentWeb),
            "{code}"
        );
        assert_eq!(explain(code).unwrap().vendor(), Vendor::Tencent);
    }
    assert_eq!(
        explain_in(Namespace::NexconnBusiness, 1004)
            .unwrap()
            .description(),
        "Signature verification failed."
    );
}

#[test]
fn http_status_wins_over_business_code_for_400_and_404() {
    for code in [400, 404] {
        assert_eq!(
            namespaces(code),
            [Namespace::NexconnHttp, Namespace::NexconnBusiness],
            "{code}"
        );
    }
    assert_eq!(explain(400).unwrap().name(), Some("Bad request"));
    assert_eq!(
        explain_in(Namespace::NexconnBusiness, 400)
            .unwrap()
            .description(),
        "The user ID does not exist."
    );
}

#[test]
fn the_webhook_range_covers_its_bounds_and_nothing_outside() {
    for code in [120001, 125000, 130000] {
        let e = explain(code).unwrap();
        assert_eq!(
            e.codes(),
            Codes::Range {
                first: 120001,
                last: 130000
            }
        );
        assert_eq!(e.retryability(), Retryability::Unknown);
    }
    assert!(explain(120000).is_none());
    // Just past the range is another code (a config service error).
    let past = explain(130001).unwrap();
    assert_ne!(
        past.codes(),
        Codes::Range {
            first: 120001,
            last: 130000
        }
    );
    assert_eq!(explain_all(125000).count(), 1);
}

#[test]
fn negative_codes_are_found() {
    assert_eq!(
        explain(-10106).unwrap().name(),
        Some("ERR_SVR_SSO_D2KEY_WRONG")
    );
    assert_eq!(explain(-302).unwrap().namespace(), Namespace::TencentServer);
    assert_eq!(
        explain(-203).unwrap().description(),
        "Exceeded Huawei's daily push limit."
    );
}

#[test]
fn unknown_codes_give_none() {
    for code in [
        i64::MIN,
        i64::MIN + 1,
        -123_456,
        1,
        99999,
        i64::MAX - 1,
        i64::MAX,
    ] {
        assert!(explain(code).is_none(), "{code}");
        assert_eq!(explain_all(code).count(), 0, "{code}");
        assert!(
            explain_for_api("v4/sns/friend_add", code).is_none(),
            "{code}"
        );
        for ns in Namespace::ALL {
            assert!(explain_in(*ns, code).is_none(), "{code}");
        }
    }
}

#[test]
fn every_entry_is_its_own_best_match_in_its_namespace() {
    for e in entries() {
        for code in [e.codes().first(), e.codes().last()] {
            assert!(
                std::ptr::eq(explain_in(e.namespace(), code).unwrap(), e),
                "{}",
                e.codes()
            );
            assert!(explain_all(code).any(|x| std::ptr::eq(x, e)));
        }
    }
}

#[test]
fn api_wording_falls_back_to_the_server_entry() {
    let e = explain_for_api("v4/sns/friend_update", 30011).unwrap();
    assert_eq!(
        e.description(),
        "The maximum number of friend lists has been reached."
    );
    assert_eq!(e.api(), Some("v4/sns/friend_update"));
    // friend_update has no 30010 row: the server entry answers.
    let e = explain_for_api("v4/sns/friend_update", 30010).unwrap();
    assert_eq!(e.api(), None);
    assert_eq!(
        e.description(),
        "The maximum number of friends has been reached."
    );
    // A leading slash and blanks are forgiven; a code an API's table does not
    // list gives the server entry.
    assert_eq!(
        explain_for_api(" /v4/sns/friend_add ", 30010)
            .unwrap()
            .description(),
        "Your friend list is full."
    );
    let e = explain_for_api("v4/im_open_login_svc/account_import", 1001).unwrap();
    assert_eq!((e.namespace(), e.api()), (Namespace::TencentServer, None));
    let apis: Vec<&str> = chatcodes::apis()
        .iter()
        .filter(|a| a.has_own_rows())
        .map(chatcodes::Api::path)
        .collect();
    assert!(apis.len() >= 100, "{} API tables", apis.len());
    assert!(apis.contains(&"v4/sns/friend_add") && apis.contains(&"v4/sns/friend_update"));
}

#[test]
fn the_pending_friend_request_is_not_a_failure_in_any_wording() {
    for e in [
        explain(30539).unwrap(),
        explain_for_api("v4/sns/friend_add", 30539).unwrap(),
    ] {
        assert_eq!(e.retryability(), Retryability::NotAFailure);
        assert!(!e.is_failure());
    }
}

#[test]
fn documented_rates_become_retry_delays_on_throttled_entries_only() {
    let delays = [
        (9506, 200),
        (8511, 250), // the longer of its read (250) and write (200) delays
        (8512, 60_000),
        (8513, 1_000),
        (8514, 1_000),
        (23003, 300),   // 200 a minute
        (90024, 1_001), // "greater than 1s"
        (70050, 60_000),
        (20604, 200), // RongCloud client: 5 messages a second
        (23425, 10),  // RongCloud client: 100 chat room attribute writes a second
    ];
    for (code, ms) in delays {
        let e = explain(code).unwrap();
        assert_eq!(e.retryability(), Retryability::Throttled, "{code}");
        assert_eq!(e.retry_after(), Some(Duration::from_millis(ms)), "{code}");
    }
    for e in entries() {
        if e.retry_after_ms().is_some() {
            assert_eq!(e.retryability(), Retryability::Throttled, "{}", e.codes());
        }
    }
    assert_eq!(
        entries().filter(|e| e.retry_after_ms().is_some()).count(),
        delays.len()
    );
}

#[test]
fn every_entry_has_wording_a_remedy_and_a_source() {
    for e in entries().chain(chatcodes::api_entries()) {
        let code = e.codes();
        assert!(!e.description().trim().is_empty(), "{code}");
        assert!(!e.remedy().trim().is_empty(), "{code}");
        assert_ne!(e.remedy(), e.description(), "{code}");
        assert!(
            chatcodes::documents().contains(e.source().document),
            "{code}"
        );
        // What users see names the public document, never a local file.
        let shown = e.source().to_string();
        assert!(
            !shown.contains("seeds/") && !shown.contains("reference/"),
            "{code}: {shown}"
        );
        assert!(!e.source().section.is_empty(), "{code}");
        for debris in ["Was this page helpful", "この記事", "Contact Sales"] {
            assert!(
                !e.description().contains(debris),
                "{code} carries page debris"
            );
        }
    }
}

#[test]
fn names_are_found_in_any_case_and_with_blanks() {
    for name in [
        "ERR_SVR_ACCOUNT_USERSIG_EXPIRED",
        "err_svr_account_usersig_expired",
        "  Err_Svr_Account_UserSig_Expired\n",
    ] {
        assert_eq!(
            explain_name(name).unwrap().codes(),
            Codes::Exact(70001),
            "{name:?}"
        );
    }
    assert_eq!(
        explain_name("ERR_IN_PROGESS").unwrap().codes(),
        Codes::Exact(6015)
    );
    assert_eq!(
        explain_name("too many requests").unwrap().namespace(),
        Namespace::NexconnHttp
    );
    for name in [
        "",
        "ERR_IN_PROGRESS",
        "x".repeat(1000).as_str(),
        "é",
        "ERR_SVR_ACCOUNT_USERSIG_EXPIRED_",
    ] {
        assert!(explain_name(name).is_none(), "{name:?}");
    }
    for e in entries() {
        if let Some(name) = e.name() {
            assert!(std::ptr::eq(explain_name(name).unwrap(), e), "{name}");
        }
    }
}

#[test]
fn codes_parse_from_numbers_and_names_with_clear_errors() {
    assert_eq!("70001".parse(), Ok(CodeQuery::Code(70001)));
    assert_eq!(" -10001\t".parse(), Ok(CodeQuery::Code(-10001)));
    assert_eq!("99999".parse(), Ok(CodeQuery::Code(99999)));
    // An integral decimal is its integer, as enrich reads it (the fuzz
    // target's input 7000.00000); a fraction is no code.
    assert_eq!("7000.00000".parse(), Ok(CodeQuery::Code(7000)));
    assert_eq!("-10001.0".parse(), Ok(CodeQuery::Code(-10001)));
    assert!("7000.".parse::<CodeQuery>().is_err() && "7000.01".parse::<CodeQuery>().is_err());
    let named: CodeQuery = "err_svr_account_usersig_expired".parse().unwrap();
    assert_eq!(named.code(), 70001);
    assert_eq!("".parse::<CodeQuery>(), Err(ParseCodeError::Empty));
    assert_eq!("   ".parse::<CodeQuery>(), Err(ParseCodeError::Empty));
    assert_eq!(
        "99999999999999999999".parse::<CodeQuery>(),
        Err(ParseCodeError::OutOfRange("99999999999999999999".into()))
    );
    assert_eq!(
        "NOT_A_NAME".parse::<CodeQuery>(),
        Err(ParseCodeError::UnknownName("NOT_A_NAME".into()))
    );
    for bad in ["70001x", "7e4", "-", "--1", "1.5", "0x1F", "{}"] {
        let err = bad.parse::<CodeQuery>().unwrap_err();
        assert!(err.to_string().contains(bad), "{bad}: {err}");
    }
}

#[test]
fn chat_errors_display_one_useful_line() {
    let err = ChatError::new(30515, "Err_SNS_FriendAdd_Friend_Exist");
    let line = err.to_string();
    assert!(!line.contains('\n'));
    assert!(line.starts_with("30515 ERR_SVR_FRIENDSHIP_IN_SELF_BLACKLIST (tencent_server/relationship_chain, after_remediation): "), "{line}");
    assert!(
        line.ends_with("(service said: Err_SNS_FriendAdd_Friend_Exist)"),
        "{line}"
    );
    assert_eq!(err.retryability(), Retryability::AfterRemediation);

    let unknown = ChatError::new(424242, "");
    assert_eq!(
        unknown.to_string(),
        "424242 (code not in the chatcodes catalogue)"
    );
    assert_eq!(unknown.retryability(), Retryability::Unknown);
    assert!(unknown.explanation().is_none());

    let by_api = ChatError::for_api("v4/sns/friend_add", 30010, "full");
    assert_eq!(
        by_api.explanation().unwrap().description(),
        "Your friend list is full."
    );
    let in_ns = ChatError::in_namespace(Namespace::NexconnBusiness, 1008, "slow down");
    assert_eq!(in_ns.retryability(), Retryability::Throttled);

    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
    assert!(boxed.to_string().contains("30515"));
}

#[test]
fn enums_round_trip_through_their_snake_case_names() {
    use strum::IntoEnumIterator;
    for r in Retryability::iter() {
        assert_eq!(r.to_string().parse::<Retryability>(), Ok(r));
    }
    for ns in Namespace::iter() {
        assert_eq!(ns.to_string().parse::<Namespace>(), Ok(ns));
        assert_eq!(ns.to_string(), format!("{}_{}", ns.vendor(), ns.domain()));
    }
    assert_eq!(Namespace::iter().collect::<Vec<_>>(), Namespace::ALL);
    assert_eq!(
        "TENCENT_SERVER".parse::<Namespace>(),
        Ok(Namespace::TencentServer)
    );
}

#[test]
fn explanations_serialize_as_flat_records() {
    let json = serde_json::to_value(explain(8512).unwrap()).unwrap();
    assert_eq!(json["code"], 8512);
    assert_eq!(json["vendor"], "tencent");
    assert_eq!(json["namespace"], "tencent_sdk");
    assert_eq!(json["category"], "group");
    assert_eq!(json["retryability"], "throttled");
    assert_eq!(json["retry_after_ms"], 60000);
    let range = serde_json::to_value(explain(125000).unwrap()).unwrap();
    assert_eq!(range["code"], "120001-130000");
}
