//! `chatcodes search`: ranked search over names, descriptions, remedies and
//! causes.

use std::io::Write;

use chatcodes::{Explanation, Lang};

use crate::list::{matched, write_line};
use crate::outcome::{CliError, Done};
use crate::output;
use crate::records::Filter;
use crate::text::Style;

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Words to look for in names, descriptions, remedies and causes, e.g. `usersig expired`.
    #[arg(required = true)]
    words: Vec<String>,
    /// Show at most this many results.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[command(flatten)]
    filter: Filter,
}

/// Lower-case words of at least two characters.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .collect()
}

/// Whether a query word is Chinese: it is matched inside the Chinese text,
/// which has no spaces between words.
fn is_chinese(word: &str) -> bool {
    word.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The query's words: English words as [`words`] splits them, Chinese runs
/// whole.
fn query_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .flat_map(|w| {
            if is_chinese(w) {
                vec![w.to_string()]
            } else {
                words(w)
            }
        })
        .collect()
}

/// How well `e` matches the query: every query word must occur somewhere, in
/// either language; a word in the name or an alias (a pasted `ErrorInfo`)
/// counts most, then the description, then remedy and causes. Chinese words
/// are found inside the Chinese description, remedy and causes.
pub fn score(e: &Explanation, query: &[String]) -> Option<u32> {
    let names: Vec<&str> = e
        .name()
        .into_iter()
        .chain(e.aliases().iter().copied())
        .collect();
    let name = words(&names.join(" ").replace('_', " "));
    let description = words(e.description());
    let rest = words(&format!("{} {}", e.remedy(), e.causes().join(" ")));
    let zh_description = e.description_in(Lang::Zh).to_lowercase();
    let zh_rest = format!(
        "{} {}",
        e.remedy_in(Lang::Zh),
        e.causes_in(Lang::Zh).join(" ")
    )
    .to_lowercase();
    let mut total = 0;
    for q in query {
        let hits = |ws: &[String]| ws.iter().filter(|w| w.starts_with(q.as_str())).count() as u32;
        let inside = |text: &str| text.matches(q.as_str()).count() as u32;
        let s = if is_chinese(q) {
            3 * inside(&zh_description) + inside(&zh_rest)
        } else {
            4 * hits(&name) + 3 * hits(&description) + hits(&rest)
        };
        if s == 0 {
            return None;
        }
        total += s;
    }
    Some(total)
}

pub fn search(args: &SearchArgs) -> Result<Done, CliError> {
    let query = query_words(&args.words.join(" "));
    let mut hits: Vec<(u32, &Explanation)> = args
        .filter
        .entries()
        .filter_map(|e| score(e, &query).map(|s| (s, e)))
        .collect();
    hits.sort_by_key(|h| std::cmp::Reverse(h.0));
    let style = Style::for_stdout();
    let mut out = output::stdout()?;
    for (_, e) in hits.iter().take(args.limit) {
        write_line(&mut out, &style, e)?;
    }
    out.flush()?;
    Ok(matched(hits.len())?)
}
