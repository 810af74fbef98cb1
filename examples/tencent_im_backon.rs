//! Add a friend through `tencent_im_rs` and retry with `backon`, deciding
//! with chatcodes: retry only what the class allows, wait at least the
//! documented delay, renew the UserSig once on `reauthenticate`.

use backon::{ExponentialBuilder, Retryable};
use chatcodes::{ChatError, Response, Retryability};
use tencent_im_rs::api::v4::TencentHelper;
use tencent_im_rs::api::v4::sns::friend_add::{AddFriendItem, FriendAddRequest, api_friend_add};
use tencent_im_rs::user_sig::hmac_sha256::TencentSig;

const APP: u32 = 1_400_000_000;
const ADMIN: &str = "administrator";
const DOMAIN: &str = "console.tim.qq.com";

/// One call: the first failure of the response (a per-item one included) as a `ChatError`.
async fn add_friend(user_sig: String) -> Result<(), ChatError> {
    let mut helper = TencentHelper::new(DOMAIN.into(), APP, ADMIN.into(), user_sig);
    let request = FriendAddRequest::new("alice", vec![AddFriendItem::new("bob")]);
    let transport = |e: &dyn std::fmt::Display| ChatError::without_code(e.to_string());
    let response = api_friend_add(&mut helper, request)
        .await
        .map_err(|e| transport(&e))?;
    let body = serde_json::to_vec(&response).map_err(|e| transport(&e))?;
    let parser = Response::parser()
        .api("v4/sns/friend_add")
        .map_err(|e| transport(&e))?;
    parser
        .parse(&body)
        .map_err(|e| transport(&e))?
        .error()
        .map_or(Ok(()), Err)
}

#[tokio::main]
async fn main() {
    let signer = TencentSig::new(APP, std::env::var("TENCENT_IM_KEY").unwrap_or_default());
    let sign = || {
        signer
            .generate_user_sig(ADMIN.into(), 86_400)
            .unwrap_or_default()
    };
    let mut result = Err(ChatError::without_code("not sent"));
    for _attempt in 0..2 {
        let user_sig = sign();
        result = (|| add_friend(user_sig.clone()))
            .retry(ExponentialBuilder::default().with_max_times(4))
            .when(|e| e.retryability().may_retry_unchanged() || e.code().is_none())
            .adjust(|e, backoff| backoff.map(|b| b.max(e.retry_after().unwrap_or_default())))
            .await;
        // A renewed UserSig is the one thing to try for `reauthenticate`, once.
        if !matches!(&result, Err(e) if e.retryability() == Retryability::Reauthenticate) {
            break;
        }
    }
    match result {
        Ok(()) => println!("added"),
        Err(e) => eprintln!(
            "not added: {e}; what to do: {}",
            e.explanation().map_or("", |x| x.remedy())
        ),
    }
}
