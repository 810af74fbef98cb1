//! `chatcodes explain`: every meaning of each code given.

use std::io::{self, Write};

use chatcodes::{
    Api, CodeQuery, Explanation, Namespace, ParseCodeError, Record, explain_all, explain_for_api,
    explain_in,
};

use crate::Format;
use crate::outcome::{CliError, Done};
use crate::output::{self, note};
use crate::text::{Style, write_explanation};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Codes or official names, e.g. 70001 -10106 ERR_SVR_ACCOUNT_USERSIG_EXPIRED.
    #[arg(
        required = true,
        value_name = "CODE_OR_NAME",
        allow_negative_numbers = true
    )]
    codes: Vec<String>,
    /// Only this namespace.
    #[arg(long, short, value_parser = crate::namespace_parser())]
    namespace: Option<Namespace>,
    /// The REST API that returned the code (v4/sns/friend_add, sns/friend_add or
    /// the request URL), to get its own wording.
    #[arg(long)]
    api: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// The explanations of one query, best first.
fn lookup(args: &Args, query: CodeQuery) -> Vec<&'static Explanation> {
    let code = match query {
        CodeQuery::Name(e) => return vec![e],
        CodeQuery::Code(code) => code,
    };
    match (&args.api, args.namespace) {
        (Some(api), _) => explain_for_api(api, code).into_iter().collect(),
        (None, Some(ns)) => explain_in(ns, code).into_iter().collect(),
        (None, None) => explain_all(code).collect(),
    }
}

pub fn run(args: &Args) -> Result<Done, CliError> {
    let api = match &args.api {
        Some(api) => Some(chatcodes::rest_api(api).map_err(|e| CliError::Usage(e.to_string()))?),
        None => None,
    };
    let mut found = Vec::new();
    let mut failed = false;
    for text in &args.codes {
        match text.parse::<CodeQuery>() {
            Ok(query) => {
                let hits = lookup(args, query);
                if hits.is_empty() {
                    let scope = match (&args.api, args.namespace) {
                        (Some(api), _) => format!(" for API {api}"),
                        (None, Some(ns)) => format!(" in namespace {ns}"),
                        (None, None) => String::new(),
                    };
                    note(format_args!(
                        "chatcodes: unknown code {}{scope}",
                        query.code()
                    ))?;
                    failed = true;
                }
                found.push((query, hits));
            }
            Err(e) => {
                let hint = match &e {
                    ParseCodeError::UnknownName(name) => match closest_names(name).as_slice() {
                        [] => String::new(),
                        names => format!("; closest known: {}", names.join(", ")),
                    },
                    _ => String::new(),
                };
                note(format_args!("chatcodes: {e}{hint}"))?;
                failed = true;
            }
        }
    }
    // Each meaning as a record of the code asked about: a code inside a range
    // carries both.
    let records: Vec<Record> = found
        .iter()
        .flat_map(|(query, hits)| {
            hits.iter().map(move |e| match query {
                CodeQuery::Code(code) => e.record_for_in(*code, crate::lang()),
                CodeQuery::Name(_) => e.record_in(crate::lang()),
            })
        })
        .collect();
    match args.format {
        Format::Text => print_text(&found, api)?,
        Format::Json => print_json(&records, api)?,
        Format::Problem => print_problems(&records)?,
    }
    Ok(Done::from_ok(!failed))
}

fn print_text(found: &[(CodeQuery, Vec<&Explanation>)], api: Option<&Api>) -> io::Result<()> {
    let style = Style::for_stdout();
    let mut out = output::stdout()?;
    let mut first = true;
    for (query, hits) in found {
        if hits.len() > 1 {
            if !first {
                writeln!(out)?;
            }
            let note = if crate::lang() == chatcodes::Lang::Zh {
                format!("{} 在 {} 个命名空间中含义不同：", query.code(), hits.len())
            } else {
                format!(
                    "{} means different things in {} namespaces:",
                    query.code(),
                    hits.len()
                )
            };
            writeln!(out, "{}", style.dim(&note))?;
        }
        for e in hits {
            if !first || hits.len() > 1 {
                writeln!(out)?;
            }
            first = false;
            write_explanation(&mut out, &style, e)?;
            if let Some(how) = api.and_then(|api| api.repeat().how()) {
                let label = style.dim(&format!("  {:<14}", "repeat"));
                writeln!(out, "{label}not safe to repeat as it is: {how}")?;
            }
        }
    }
    out.flush()
}

/// The records as a JSON array; with an API, each says whether repeating
/// the request can do its work twice (`repeat`).
fn print_json(found: &[Record], api: Option<&Api>) -> io::Result<()> {
    let mut out = output::stdout()?;
    let mut records = serde_json::to_value(found)?;
    if let (Some(api), Some(records)) = (api, records.as_array_mut()) {
        let repeat = serde_json::to_value(crate::check::RepeatRecord::of(api.repeat()))?;
        for record in records.iter_mut().filter_map(|r| r.as_object_mut()) {
            record.insert("repeat".into(), repeat.clone());
        }
    }
    serde_json::to_writer_pretty(&mut out, &records)?;
    writeln!(out)?;
    out.flush()
}

/// One problem object for one explanation, a JSON array for several.
fn print_problems(found: &[Record]) -> io::Result<()> {
    let mut problems: Vec<serde_json::Value> = found
        .iter()
        .map(|r| serde_json::to_value(r.problem()))
        .collect::<Result<_, _>>()?;
    let value = if problems.len() == 1 {
        problems.remove(0)
    } else {
        serde_json::Value::Array(problems)
    };
    let mut out = output::stdout()?;
    serde_json::to_writer_pretty(&mut out, &value)?;
    writeln!(out)?;
    out.flush()
}

/// The official names and aliases closest to a misspelled one, best first
/// (at most three), as `rustc --explain` suggests.
fn closest_names(name: &str) -> Vec<&'static str> {
    let wanted = name.trim().to_ascii_uppercase();
    let mut scored: Vec<(usize, &'static str)> = chatcodes::entries()
        .flat_map(|e| e.name().into_iter().chain(e.aliases().iter().copied()))
        .map(|n| (strsim::levenshtein(&wanted, &n.to_ascii_uppercase()), n))
        .collect();
    scored.sort();
    scored.dedup();
    let limit = (wanted.len() / 4).max(2);
    scored
        .into_iter()
        .take_while(|&(d, _)| d <= limit)
        .take(3)
        .map(|(_, n)| n)
        .collect()
}
