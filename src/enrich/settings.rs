//! What an enricher is told: how a bare number is read, the REST API of
//! lines that name none, and the field that names a line's API.

use crate::api::Api;
use crate::{Explanation, Namespace, explain_in};

/// The settings of an [`Enricher`](super::Enricher).
#[derive(Debug, Clone)]
pub(super) struct Settings {
    pub(super) namespace: Namespace,
    /// The REST API of lines that name none.
    pub(super) api: Option<&'static Api>,
    /// The top-level key naming a line's API.
    pub(super) api_field: Option<Vec<u8>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            namespace: Namespace::TencentServer,
            api: None,
            api_field: Some(super::DEFAULT_API_FIELD.as_bytes().to_vec()),
        }
    }
}

impl Settings {
    /// `code` as the line's API returns it (`line_api`, else the API set),
    /// else in the namespace.
    pub(super) fn explain(
        &self,
        line_api: Option<&'static Api>,
        code: i64,
    ) -> Option<&'static Explanation> {
        match line_api.or(self.api) {
            Some(api) => api.explain(code),
            None => explain_in(self.namespace, code),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_api_comes_first_then_the_api_set_then_the_namespace() {
        let friend_add = Api::find("v4/sns/friend_add").unwrap();
        let mut settings = Settings::default();
        assert_eq!(settings.explain(None, 30010).unwrap().api(), None);
        settings.namespace = Namespace::NexconnClient;
        assert_eq!(
            settings.explain(None, 30001).unwrap().namespace(),
            Namespace::NexconnClient
        );
        settings.api = Some(friend_add);
        assert_eq!(
            settings.explain(None, 30010).unwrap().api(),
            Some("v4/sns/friend_add")
        );
        let update = Api::find("v4/sns/friend_update").unwrap();
        let e = settings.explain(Some(update), 30001).unwrap();
        assert_eq!(e.api(), Some("v4/sns/friend_update"));
    }
}
