//! `chatcodes list` and `chatcodes search`: browsing the catalogue.

use std::io::{self, Write};

use chatcodes::Explanation;

use super::outcome::{CliError, Done};
use super::output;
use super::records::Filter;
use super::text::Style;

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    filter: Filter,
}

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

fn write_line(out: &mut impl Write, style: &Style, e: &Explanation) -> io::Result<()> {
    let code = format!("{:>14}", e.codes().to_string());
    let name = e.name().map(|n| format!(" {n}")).unwrap_or_default();
    writeln!(
        out,
        "{} {:<17} {:<18}{}  {}",
        style.bold(&code),
        e.namespace().to_string(),
        e.retryability().to_string(),
        name,
        e.description()
    )
}

pub fn list(args: &ListArgs) -> Result<Done, CliError> {
    let style = Style::for_stdout();
    let mut out = output::stdout()?;
    let mut n = 0;
    for e in args.filter.entries() {
        write_line(&mut out, &style, e)?;
        n += 1;
    }
    out.flush()?;
    Ok(matched(n)?)
}

/// `Failure`, with a word on stderr, when nothing matched.
fn matched(n: usize) -> io::Result<Done> {
    if n == 0 {
        output::note(format_args!("chatcodes: nothing matched"))?;
    }
    Ok(Done::from_ok(n > 0))
}

/// Lower-case words of at least two characters.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .collect()
}

/// How well `e` matches the query: every query word must occur somewhere; a
/// word in the name or an alias (a pasted `ErrorInfo`) counts most, then the
/// description, then remedy and causes.
pub fn score(e: &Explanation, query: &[String]) -> Option<u32> {
    let names: Vec<&str> = e
        .name()
        .into_iter()
        .chain(e.aliases().iter().copied())
        .collect();
    let name = words(&names.join(" ").replace('_', " "));
    let description = words(e.description());
    let rest = words(&format!("{} {}", e.remedy(), e.causes().join(" ")));
    let mut total = 0;
    for q in query {
        let hits = |ws: &[String]| ws.iter().filter(|w| w.starts_with(q.as_str())).count() as u32;
        let s = 4 * hits(&name) + 3 * hits(&description) + hits(&rest);
        if s == 0 {
            return None;
        }
        total += s;
    }
    Some(total)
}

pub fn search(args: &SearchArgs) -> Result<Done, CliError> {
    let query = words(&args.words.join(" "));
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
