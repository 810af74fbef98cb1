//! `chatcodes docs`: references generated from the catalogue through
//! templates (minijinja, Jinja2 syntax): the Markdown reference, the HTML
//! site, one Markdown page per entry, or a user's own template. Every one of
//! them renders the same [`Context`].

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, Value, context};

pub use crate::docs_context::Context;

use crate::outcome::{CliError, Done};

/// The built-in templates, by name. A name's extension picks the escaping
/// (`.html` escapes HTML), as it does for a user's template.
const BUILTIN: &[(&str, &str)] = &[
    (
        "reference.md.j2",
        include_str!("../templates/reference.md.j2"),
    ),
    ("entry.md.j2", include_str!("../templates/entry.md.j2")),
    ("index.md.j2", include_str!("../templates/index.md.j2")),
    ("site.html.j2", include_str!("../templates/site.html.j2")),
    ("site.css", include_str!("../templates/site.css")),
    ("site.js", include_str!("../templates/site.js")),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocsFormat {
    /// The Markdown reference (docs/REFERENCE.md).
    Markdown,
    /// A self-contained HTML page with search and filters (docs/site/index.html).
    Html,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to write: the Markdown reference or the HTML site.
    #[arg(long, short, value_enum, default_value_t = DocsFormat::Markdown)]
    format: DocsFormat,
    /// Render this Jinja2 template instead (minijinja). It sees `entries`
    /// (the records `export --format json` writes, every field, plus `id`,
    /// titles, `document`, `api_rows`, `other_meanings`), `namespaces`,
    /// `categories`, `retryabilities` (with titles and rules) and
    /// `shared_codes`; with --split, also `entry`. A name ending in .html
    /// escapes HTML.
    #[arg(long, short, value_name = "FILE")]
    template: Option<PathBuf>,
    /// Write one Markdown page per entry (`<namespace>-<code>.md`) and an
    /// `index.md` linking them, into --out DIR.
    #[arg(long, requires = "out")]
    split: bool,
    /// Where to write: a directory for --format html (index.html) and
    /// --split, a file otherwise. Default: standard output.
    #[arg(long, short, value_name = "PATH")]
    out: Option<PathBuf>,
}

/// Escapes text for a Markdown table cell: `|` as `\|`, line breaks as spaces.
fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// The template environment: the built-in templates and the `md_cell`
/// filter; blocks trim their own line (`trim_blocks`, `lstrip_blocks`), a
/// file's last newline is kept, and an undefined name is an error.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("the default delimiters"),
    );
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_filter("md_cell", |s: String| md_cell(&s));
    for (name, source) in BUILTIN {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("built-in template {name}: {e}"));
    }
    env
}

/// A template error as the user needs it: the file and line, what went
/// wrong, and the lines around it.
fn template_error(e: minijinja::Error) -> CliError {
    let place = match (e.name(), e.line()) {
        (Some(name), Some(line)) => format!(" in {name}, line {line}"),
        (Some(name), None) => format!(" in {name}"),
        _ => String::new(),
    };
    let what = e
        .detail()
        .map_or_else(|| e.kind().to_string(), |d| format!("{}: {d}", e.kind()));
    let mut message = format!("template error{place}: {what}");
    // The source lines around the error, without minijinja's dump of
    // every variable in scope (the whole catalogue).
    let context = e.display_debug_info().to_string();
    for line in context.lines().skip_while(|l| l.trim().is_empty()) {
        if line.starts_with('~') {
            break;
        }
        message.push('\n');
        message.push_str(line);
    }
    CliError::Input(message)
}

/// `chatcodes docs`.
pub fn run(args: &Args) -> Result<Done, CliError> {
    let mut env = environment();
    let user = match &args.template {
        Some(path) => {
            let source = fs::read_to_string(path).map_err(|e| {
                CliError::Usage(format!("cannot read template {}: {e}", path.display()))
            })?;
            let name = path
                .file_name()
                .map_or_else(|| "template".into(), |n| n.to_string_lossy().into_owned());
            env.add_template_owned(name.clone(), source)
                .map_err(template_error)?;
            Some(name)
        }
        None => None,
    };
    let ctx = Value::from(Serde(Context::new()));
    if args.split {
        if args.format == DocsFormat::Html {
            return Err(CliError::Usage(
                "--split writes Markdown pages; it does not combine with --format html".into(),
            ));
        }
        let dir = args.out.as_deref().unwrap_or(Path::new("."));
        let page = user.as_deref().unwrap_or("entry.md.j2");
        write_split(&env, page, &ctx, dir)?;
        return Ok(Done::Success);
    }
    let name = match (&user, args.format) {
        (Some(name), _) => name.as_str(),
        (None, DocsFormat::Markdown) => "reference.md.j2",
        (None, DocsFormat::Html) => "site.html.j2",
    };
    let text = env
        .get_template(name)
        .and_then(|t| t.render(&ctx))
        .map_err(template_error)?;
    match (&args.out, args.format, &user) {
        (None, _, _) => {
            let mut out = crate::output::stdout()?;
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
        (Some(dir), DocsFormat::Html, None) => {
            fs::create_dir_all(dir)?;
            fs::write(dir.join("index.html"), text)?;
        }
        (Some(file), _, _) => fs::write(file, text)?,
    }
    Ok(Done::Success)
}

/// One page per entry, `<id>.md`, and `index.md`.
fn write_split(env: &Environment, page: &str, ctx: &Value, dir: &Path) -> Result<(), CliError> {
    fs::create_dir_all(dir)?;
    let page = env.get_template(page).map_err(template_error)?;
    let entries = ctx.get_attr("entries").map_err(template_error)?;
    for entry in entries.try_iter().map_err(template_error)? {
        let id = entry.get_attr("id").map_err(template_error)?;
        let text = page
            .render(context! { entry => entry, ..ctx.clone() })
            .map_err(template_error)?;
        fs::write(dir.join(format!("{id}.md")), text)?;
    }
    let index = env
        .get_template("index.md.j2")
        .and_then(|t| t.render(ctx))
        .map_err(template_error)?;
    fs::write(dir.join("index.md"), index)?;
    Ok(())
}
