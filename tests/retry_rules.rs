//! The retry rules of `Retryability` (README, "Retryability"), checked on a
//! table of examples: every rule and every class, with the reason each code
//! is where it is. A program acting on the class alone must do the right
//! thing, so the traps are here too: credentials made wrongly and forced
//! logouts are not `reauthenticate`.

use Namespace::{
    NexconnBusiness as NB, NexconnHttp as NH, TencentSdk as SDK, TencentServer as SRV,
};
use Retryability::*;
use chatcodes::{Namespace, Operation, Retryability, explain_in};

/// (namespace, code, expected class, rule and reason)
const RULES: &[(Namespace, i64, Retryability, &str)] = &[
    // 1. not_a_failure: a success or a pending success state.
    (
        SRV,
        30539,
        NotAFailure,
        "1: friend request now pending approval",
    ),
    (
        NB,
        25461,
        NotAFailure,
        "1: friend request pending the other user's approval",
    ),
    (
        NB,
        25424,
        NotAFailure,
        "1: join request pending an admin's approval",
    ),
    (NB, 25427, NotAFailure, "1: invitation pending the invitee"),
    (NH, 200, NotAFailure, "1: HTTP success"),
    // 2. throttled: a rate, frequency or call limit.
    (SRV, 60007, Throttled, "2: REST call rate"),
    (SRV, 90024, Throttled, "2: pushes more than 1 s apart"),
    (SDK, 8511, Throttled, "2: per-operation limits"),
    (SDK, 9506, Throttled, "2: five requests a second"),
    (NH, 429, Throttled, "2: too many requests"),
    (NB, 1008, Throttled, "2: API rate limit"),
    // 3. conflict: concurrent operations collided, or one is already running.
    (SRV, 10056, Conflict, "3: custom attribute write conflict"),
    (SRV, 30008, Conflict, "3: concurrent friend writes"),
    (SDK, 7501, Conflict, "3: a login is already in progress"),
    (SDK, 8006, Conflict, "3: message modified by someone else"),
    // 4. reauthenticate: renewable credential, or not logged in yet.
    (SRV, 70001, Reauthenticate, "4: UserSig expired"),
    (
        SRV,
        -10001,
        Reauthenticate,
        "4: key expired; login makes a new one",
    ),
    (
        SRV,
        -10004,
        Reauthenticate,
        "4: ticket failed; login makes a new one",
    ),
    (SDK, 6206, Reauthenticate, "4: UserSig expired"),
    (
        SDK,
        6026,
        Reauthenticate,
        "4: no login to resume: call login",
    ),
    (
        SDK,
        6226,
        Reauthenticate,
        "4: local ticket expired: log in with a UserSig",
    ),
    // 5. transient: internal error, timeout, network.
    (SRV, 70500, Transient, "5: internal server error"),
    (SRV, 30006, Transient, "5: internal server error"),
    (SDK, 9508, Transient, "5: no network"),
    (NH, 504, Transient, "5: gateway timeout"),
    (
        NB,
        1000,
        Transient,
        "5: 'internal logic error' among its causes",
    ),
    // 6. after_remediation: something outside the request must change.
    (
        SRV,
        72001,
        AfterRemediation,
        "6: feature not enabled in the console",
    ),
    (
        SRV,
        10047,
        AfterRemediation,
        "6: stored limit of 16 attribute keys",
    ),
    (
        SRV,
        10063,
        AfterRemediation,
        "6: stored limit of 20 counter keys, like 10047",
    ),
    (
        SRV,
        20009,
        AfterRemediation,
        "6: a relationship (not friends)",
    ),
    (
        SDK,
        6013,
        AfterRemediation,
        "6: prerequisite call missing (init)",
    ),
    (
        SDK,
        6024,
        AfterRemediation,
        "6: prerequisite call missing (TLS SDK init)",
    ),
    (
        SRV,
        70009,
        AfterRemediation,
        "6: credential made wrongly (another app's key)",
    ),
    (
        SRV,
        70013,
        AfterRemediation,
        "6: credential made wrongly (another UserID)",
    ),
    (
        SRV,
        70014,
        AfterRemediation,
        "6: credential made wrongly (another SDKAppID)",
    ),
    (
        SRV,
        70016,
        AfterRemediation,
        "6: credential made wrongly (key missing from the console)",
    ),
    (
        SRV,
        70002,
        AfterRemediation,
        "6: credential passed wrongly (empty)",
    ),
    (NB, 1004, AfterRemediation, "6: signature computed wrongly"),
    (
        SDK,
        6208,
        AfterRemediation,
        "6: forced logout (another device)",
    ),
    (
        SDK,
        6213,
        AfterRemediation,
        "6: forced logout (another device)",
    ),
    (
        SDK,
        6255,
        AfterRemediation,
        "6: forced logout (another device)",
    ),
    (
        SRV,
        91101,
        AfterRemediation,
        "6: forced logout (concurrent web instances)",
    ),
    (
        SDK,
        6014,
        AfterRemediation,
        "6 over 4: 'not logged in or forcibly logged out'",
    ),
    // 7. permanent: the request itself is wrong, or already done.
    (SRV, 90001, Permanent, "7: JSON does not parse"),
    (SRV, -196, Permanent, "7: a missing parameter"),
    (SRV, 10013, Permanent, "7: already a member"),
    (SRV, 80001, Permanent, "7: refused content"),
    (NH, 400, Permanent, "7: bad request"),
    // 8. unknown: no basis.
    (SRV, 120001, Unknown, "8: a webhook's own codes"),
    (SDK, 6131, Unknown, "8: 'Data logic error'"),
    (NB, 25104, Unknown, "8: 'Unknown error'"),
];

#[test]
fn every_example_has_the_class_its_rule_gives() {
    let mut wrong = Vec::new();
    for &(namespace, code, expected, why) in RULES {
        let e = explain_in(namespace, code).unwrap_or_else(|| panic!("{namespace} {code}"));
        if e.retryability() != expected {
            wrong.push(format!(
                "{namespace} {code}: {} (expected {expected}: rule {why})",
                e.retryability()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_table_covers_every_rule_and_every_class() {
    assert!(RULES.len() >= 40, "{} examples", RULES.len());
    for class in Retryability::ALL {
        assert!(RULES.iter().any(|r| r.2 == *class), "no example of {class}");
    }
    for rule in 1..=8 {
        assert!(
            RULES.iter().any(|r| r.3.starts_with(&format!("{rule}:"))),
            "no example of rule {rule}"
        );
    }
}

#[test]
fn no_credential_made_wrongly_or_forced_logout_is_reauthenticate() {
    // Wording that marks a credential that renewing cannot fix, or a logout
    // caused by another login, never sits in the reauthenticate class.
    let traps = [
        "mismatch",
        "does not match",
        "another device",
        "forcibly logged out",
        "forced logout",
        "usersig verification failed",
        "usersig authentication failed",
        "0 bytes",
    ];
    for e in chatcodes::entries() {
        if e.retryability() != Reauthenticate {
            continue;
        }
        let text = e.description().to_lowercase();
        for trap in traps {
            assert!(
                !text.contains(trap),
                "{} {} is reauthenticate but says {trap:?}: {}",
                e.namespace(),
                e.codes(),
                e.description()
            );
        }
    }
}

#[test]
fn delays_sit_strictly_above_more_than_bounds_and_differ_by_operation() {
    let push = explain_in(SRV, 90024).unwrap();
    assert!(push.description().contains("greater than 1s"));
    assert!(push.retry_after_ms().unwrap() > 1000);
    let attrs = explain_in(SDK, 8511).unwrap();
    assert_eq!(attrs.retry_after_ms_for(Operation::Write), Some(200));
    assert_eq!(attrs.retry_after_ms_for(Operation::Read), Some(250));
    assert_eq!(
        attrs.retry_after_ms(),
        Some(250),
        "unknown operation: the longer"
    );
    // A code without per-operation limits gives its one delay for both.
    let online = explain_in(SDK, 8512).unwrap();
    for op in Operation::ALL {
        assert_eq!(online.retry_after_ms_for(*op), Some(60_000));
    }
}

#[test]
fn remedies_of_reclassified_credentials_say_why_renewal_fails() {
    for code in [70002, 70003, 70009, 70013, 70014] {
        let remedy = explain_in(SRV, code).unwrap().remedy();
        assert!(
            remedy.contains("fails") || remedy.contains("changes nothing"),
            "{code}: {remedy}"
        );
    }
    for code in [6208, 6213, 6255] {
        let remedy = explain_in(SDK, code).unwrap().remedy();
        assert!(
            remedy.contains("only when the user asks"),
            "{code}: {remedy}"
        );
    }
}

/// The README's table of rules states each class's `rule()` (its Markdown
/// aside), in the order of `Retryability::ALL`.
#[test]
fn readme_rules_are_the_rules_of_the_type() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let rows: Vec<(String, String)> = readme
        .lines()
        .skip_while(|l| !l.starts_with("| # | class | rule |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.split(" | ").collect();
            let plain = |s: &str| s.replace(['`'], "").replace("**", "");
            (plain(cells[1]), plain(cells[2]))
        })
        .collect();
    let expected: Vec<(String, String)> = Retryability::ALL
        .iter()
        .map(|r| (r.to_string(), r.rule().to_string()))
        .collect();
    assert_eq!(rows, expected);
}
