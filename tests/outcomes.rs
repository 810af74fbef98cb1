//! Outcomes a program can act on: API rows whose code means the goal
//! already holds, whether a REST API can do its work twice when a request
//! is repeated, and the client codes real clients treat as success.

use chatcodes::{
    Api, Namespace, Repeat, Retryability, api_entries, apis, explain_for_api, explain_in,
};

/// The rows marked "already done", by API family (the review is in the
/// closing note of the change): group, topic, relationship chain, account,
/// message, recent contacts.
const ALREADY_DONE: &[(&str, i64)] = &[
    ("v4/group_open_http_svc/destroy_group", 10010),
    ("v4/group_open_http_svc/create_group", 10025),
    ("v4/million_group_open_http_svc/destroy_topic", 110003),
    ("v4/million_group_open_http_svc/create_topic", 10025),
    ("v4/sns/friend_delete", 31704),
    ("v4/im_open_login_svc/account_delete", 70107),
    ("v4/openim/admin_msgwithdraw", 20023),
    ("v4/recentcontact/del_contact_group", 51009),
];

#[test]
fn a_delete_of_what_is_gone_and_an_add_of_what_is_there_are_already_done() {
    for &(api, code) in ALREADY_DONE {
        let e = explain_for_api(api, code).unwrap_or_else(|| panic!("{api} {code}"));
        let why = e.already_done().unwrap_or_else(|| panic!("{api} {code}"));
        assert!(
            why.contains("already") || why.contains("may"),
            "{api} {code}: {why}"
        );
        // Still a failure the service reported, and nothing to resend.
        assert!(
            e.is_failure() && !e.retryability().may_retry_unchanged(),
            "{api} {code}"
        );
        // Only on that API: the code's general entry says nothing of it.
        let general = explain_in(Namespace::TencentServer, code).unwrap();
        assert!(general.already_done().is_none(), "{code}");
    }
    // An add that may have been done before says "may": check it first.
    let create = explain_for_api("v4/group_open_http_svc/create_group", 10025).unwrap();
    assert!(create.already_done().unwrap().contains("may"));
    // Exactly the reviewed rows are marked.
    let marked = api_entries().filter(|e| e.already_done().is_some()).count();
    assert_eq!(marked, ALREADY_DONE.len());
}

#[test]
fn a_permission_or_parameter_error_is_never_already_done() {
    for e in api_entries().filter(|e| e.already_done().is_some()) {
        assert!(
            !matches!(
                e.retryability(),
                Retryability::Transient | Retryability::Throttled | Retryability::Reauthenticate
            ),
            "{e}"
        );
    }
    assert!(
        explain_for_api("v4/group_open_http_svc/destroy_group", 10007)
            .unwrap()
            .already_done()
            .is_none()
    );
}

#[test]
fn sending_and_importing_are_not_safe_to_repeat_queries_and_deletes_are() {
    let repeat = |path: &str| Api::find(path).unwrap().repeat();
    for path in [
        "v4/openim/sendmsg",
        "v4/openim/batchsendmsg",
        "v4/openim/importmsg",
    ] {
        assert!(matches!(repeat(path), Repeat::SafeWith(_)), "{path}");
        assert!(repeat(path).how().unwrap().contains("Msg"), "{path}");
    }
    assert!(matches!(
        repeat("v4/group_open_http_svc/send_group_system_notification"),
        Repeat::Unsafe(_)
    ));
    for path in [
        "v4/sns/friend_get",
        "v4/sns/friend_delete",
        "v4/group_open_http_svc/destroy_group",
        "v4/profile/portrait_set",
    ] {
        assert_eq!(repeat(path), Repeat::Safe, "{path}");
    }
    assert!(apis().iter().filter(|a| !a.repeat().is_safe()).count() >= 10);
}

#[test]
fn a_retry_on_an_api_that_is_not_safe_to_repeat_says_so_in_its_remedy() {
    let mut seen = 0;
    for e in api_entries() {
        let api = Api::find(e.api().unwrap()).unwrap();
        let retried = e.retryability().may_retry_unchanged();
        let says = e.remedy().contains("not safe to repeat");
        assert_eq!(
            says,
            retried && !api.repeat().is_safe(),
            "{} on {}",
            e.codes(),
            api
        );
        seen += usize::from(says);
    }
    assert!(seen > 0);
}

#[test]
fn client_states_that_hold_are_not_failures_and_throttling_is_throttled() {
    let client = |code| explain_in(Namespace::NexconnClient, code).unwrap();
    // RC_CONNECTION_EXIST: every client, Nexconn's own UI included, carries on.
    assert_eq!(client(34001).retryability(), Retryability::NotAFailure);
    assert_eq!(client(34001).name(), Some("RC_CONNECTION_EXIST"));
    // RC_REQUEST_OVERFREQUENCY: the SDKs retry it later.
    assert_eq!(client(20607).retryability(), Retryability::Throttled);
    // Initialising an initialised SDK asked for what already holds.
    let sdk = explain_in(Namespace::TencentSdk, 90101).unwrap();
    assert_eq!(sdk.retryability(), Retryability::NotAFailure);
    // The Web SDK's REPEAT_LOGIN is a login while another is still under
    // way (as 7501), not the repeated login that succeeds with code 0.
    let web = explain_in(Namespace::TencentWeb, 2025).unwrap();
    assert_eq!(web.retryability(), Retryability::Conflict);
}
