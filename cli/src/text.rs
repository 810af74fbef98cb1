//! Readable text output of explanations.

use std::io::{self, IsTerminal, Write};

use chatcodes::{Explanation, Lang};

/// Bold and dim only when writing to a terminal and `NO_COLOR` is unset.
pub struct Style {
    colour: bool,
}

impl Style {
    /// No colour.
    pub fn plain() -> Self {
        Style { colour: false }
    }

    /// Colour when standard output is a terminal and `NO_COLOR` is unset.
    pub fn for_stdout() -> Self {
        Style {
            colour: io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }
}

/// `70001 ERR_SVR_ACCOUNT_USERSIG_EXPIRED`, or the code alone.
pub fn heading(e: &Explanation) -> String {
    match e.name() {
        Some(name) => format!("{} {}", e.codes(), name),
        None => e.codes().to_string(),
    }
}

/// Writes one explanation as a heading and a block of labelled lines.
pub fn write_explanation(out: &mut impl Write, style: &Style, e: &Explanation) -> io::Result<()> {
    writeln!(out, "{}", style.bold(&heading(e)))?;
    write_fields(out, style, e)
}

/// A field's label (of an explanation or of `check`'s report) in the
/// language of the output.
pub fn label(name: &'static str) -> &'static str {
    if crate::lang() == Lang::En {
        return name;
    }
    match name {
        "vendor" => "厂商",
        "api" => "API",
        "category" => "分类",
        "description" => "说明",
        "retryability" => "重试",
        "already done" => "已完成",
        "retry after" => "重试间隔",
        "remedy" => "处理办法",
        "note" => "备注",
        "causes" => "原因",
        "also named" => "别名",
        "source" => "来源",
        "status" => "状态",
        "items" => "条目",
        "service said" => "服务返回",
        "likely cause" => "可能原因",
        other => other,
    }
}

/// `label` padded to 14 columns (a Chinese character takes two).
pub fn padded(label: &str) -> String {
    let width: usize = label
        .chars()
        .map(|c| if c >= '\u{2e80}' { 2 } else { 1 })
        .sum();
    format!("  {label}{}", " ".repeat(14usize.saturating_sub(width)))
}

/// Writes an explanation's labelled lines, without the heading, in the
/// language of the output (`--lang`).
pub fn write_fields(out: &mut impl Write, style: &Style, e: &Explanation) -> io::Result<()> {
    let lang = crate::lang();
    let zh = lang == Lang::Zh;
    let ns = e.namespace();
    let field = |name: &'static str| style.dim(&padded(label(name)));
    writeln!(
        out,
        "{}{} / {} ({})",
        field("vendor"),
        e.vendor().name_in(lang),
        ns.title_in(lang),
        ns
    )?;
    if let Some(api) = e.api() {
        writeln!(out, "{}{api}", field("api"))?;
    }
    writeln!(
        out,
        "{}{} ({})",
        field("category"),
        e.category().title_in(lang),
        e.category()
    )?;
    writeln!(out, "{}{}", field("description"), e.description_in(lang))?;
    writeln!(out, "{}{}", field("retryability"), e.retryability())?;
    if let Some(why) = e.already_done_in(lang) {
        writeln!(out, "{}{why}", field("already done"))?;
    }
    if let Some(ms) = e.retry_after_ms() {
        let at_least = if zh { "至少" } else { "at least " };
        write!(out, "{}{at_least}{ms} ms", field("retry after"))?;
        let by_operation: Vec<String> = e
            .retry_after_by_operation()
            .iter()
            .map(|(op, ms)| format!("{op} {ms} ms"))
            .collect();
        if !by_operation.is_empty() {
            write!(out, " ({})", by_operation.join(", "))?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}{}", field("remedy"), e.remedy_in(lang))?;
    if let Some(note) = e.note_in(lang) {
        writeln!(out, "{}{note}", field("note"))?;
    }
    for (i, cause) in e.causes_in(lang).iter().enumerate() {
        let label = if i == 0 {
            field("causes")
        } else {
            style.dim(&padded(""))
        };
        writeln!(out, "{label}{}. {cause}", i + 1)?;
    }
    if !e.aliases().is_empty() {
        writeln!(out, "{}{}", field("also named"), e.aliases().join(", "))?;
    }
    writeln!(out, "{}{}", field("source"), e.source())?;
    if e.is_retired() {
        let retired = if zh {
            "已停用：只有旧资料记载此错误码"
        } else {
            "retired: only older material documents this code"
        };
        writeln!(out, "{}{retired}", field("status"))?;
    }
    Ok(())
}
