//! [`Lang`]: the languages of the catalogue's text. Every entry, title and
//! rule is in English and in Chinese; the `*_in(lang)` accessors pick one,
//! borrowing the catalogue's static text, so nothing allocates.

use crate::enums::{Category, Namespace, Retryability, Vendor};
use crate::explanation::Explanation;

/// A language of the catalogue's text: English (the default) or Chinese.
///
/// ```
/// use chatcodes::{Lang, explain};
/// let e = explain(70001).unwrap();
/// assert!(e.description_in(Lang::Zh).contains("过期"));
/// assert_eq!(e.description_in(Lang::En), e.description());
/// assert_eq!("zh".parse::<Lang>(), Ok(Lang::Zh));
/// assert_eq!(e.retryability().title_in(Lang::Zh), "重新鉴权");
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
    serde::Serialize,
    serde::Deserialize,
)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Chinese (简体中文).
    Zh,
}

impl Lang {
    /// Every language.
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Zh];

    /// The language a locale names: Chinese for `zh_CN.UTF-8`, `zh_TW`,
    /// `zh`, English for anything else.
    ///
    /// ```
    /// use chatcodes::Lang;
    /// assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
    /// assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
    /// assert_eq!(Lang::from_locale("C"), Lang::En);
    /// ```
    pub fn from_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language of the environment's locale: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty, read with
    /// [`from_locale`](Self::from_locale); English when none is.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .map_or(Lang::En, |v| Lang::from_locale(&v))
    }
}

impl Explanation {
    /// The description in `lang`.
    pub const fn description_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.description,
            Lang::Zh => self.zh.description,
        }
    }

    /// The remedy in `lang`.
    pub const fn remedy_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.remedy,
            Lang::Zh => self.zh.remedy,
        }
    }

    /// The known causes in `lang`.
    pub const fn causes_in(&self, lang: Lang) -> &'static [&'static str] {
        match lang {
            Lang::En => self.causes,
            Lang::Zh => self.zh.causes,
        }
    }

    /// The note in `lang`, where there is one.
    pub const fn note_in(&self, lang: Lang) -> Option<&'static str> {
        match lang {
            Lang::En => self.note,
            Lang::Zh => self.zh.note,
        }
    }

    /// Why the goal already holds, in `lang`, on an API row that says so.
    pub const fn already_done_in(&self, lang: Lang) -> Option<&'static str> {
        match lang {
            Lang::En => self.already_done,
            Lang::Zh => self.zh.already_done,
        }
    }

    /// One line in `lang`, as [`Display`](std::fmt::Display) writes it in English.
    ///
    /// ```
    /// use chatcodes::{Lang, explain};
    /// let line = explain(70001).unwrap().display_in(Lang::Zh).to_string();
    /// assert!(line.starts_with("70001 ERR_SVR_ACCOUNT_USERSIG_EXPIRED (tencent_server/account, reauthenticate): "));
    /// assert!(line.contains("过期"));
    /// ```
    pub fn display_in(&self, lang: Lang) -> impl std::fmt::Display + '_ {
        DisplayIn { e: self, lang }
    }
}

struct DisplayIn<'a> {
    e: &'a Explanation,
    lang: Lang,
}

impl std::fmt::Display for DisplayIn<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let e = self.e;
        write!(f, "{}", e.codes)?;
        if let Some(name) = e.name {
            write!(f, " {name}")?;
        }
        write!(
            f,
            " ({}/{}, {}): {}",
            e.namespace,
            e.category,
            e.retryability,
            e.description_in(self.lang)
        )
    }
}

impl Vendor {
    /// The vendor's name in `lang`.
    pub const fn name_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.display_name(),
            Lang::Zh => self.display_name_zh(),
        }
    }
}

impl Namespace {
    /// The namespace's title in `lang`.
    pub const fn title_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.title(),
            Lang::Zh => self.title_zh(),
        }
    }
}

impl Category {
    /// The category's title in `lang`.
    pub const fn title_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.title(),
            Lang::Zh => self.title_zh(),
        }
    }
}

impl Retryability {
    /// The class's name in `lang`.
    pub const fn title_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.title(),
            Lang::Zh => self.title_zh(),
        }
    }

    /// The class's rule in `lang`.
    pub const fn rule_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.rule(),
            Lang::Zh => self.rule_zh(),
        }
    }
}
