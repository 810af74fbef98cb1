//! `chatcodes check`'s reports: outcomes grouped by code, written as text
//! (the explanation once per group, the first items, what the service said),
//! JSON or NDJSON, in English or Chinese.

use std::collections::HashMap;
use std::io::{self, Write};

use chatcodes::{Outcome, OutcomeKind, Response, Vendor};
use serde::Serialize;

use crate::check::verdict;
use crate::outcome::Done;
use crate::text::{Style, heading, write_fields};

/// How many items of a group the text report names before "and N more".
const SHOWN_ITEMS: usize = 5;

/// Outcomes that read the same: one code (or one status, list or kind of
/// drop) in one place. The report explains each group once.
struct Group<'r> {
    outcomes: Vec<&'r Outcome>,
}

impl Group<'_> {
    fn first(&self) -> &Outcome {
        self.outcomes[0]
    }
}

/// What groups outcomes: the kind, the code, the array, the status.
type GroupKey = (u8, Option<i64>, Option<&'static str>, Option<i64>);

fn group_key(o: &Outcome) -> GroupKey {
    let kind = match o.kind() {
        OutcomeKind::Request => 0,
        OutcomeKind::ItemCode => 1,
        OutcomeKind::ItemStatus => 2,
        OutcomeKind::FailList => 3,
        OutcomeKind::Dropped => 4,
    };
    // Codes group across arrays: one explanation per code.
    let array = if o.code().is_some() { None } else { o.array() };
    (kind, o.code(), array, o.status())
}

pub(crate) struct Report<'r> {
    response: &'r Response,
    groups: Vec<Group<'r>>,
    failed: usize,
    /// The exit status's verdict.
    done: Done,
}

impl<'r> Report<'r> {
    pub(crate) fn new(response: &'r Response, already_done_ok: bool) -> Self {
        let mut index: HashMap<GroupKey, usize> = HashMap::new();
        let mut groups: Vec<Group<'r>> = Vec::new();
        for o in response.outcomes() {
            let i = *index.entry(group_key(o)).or_insert_with(|| {
                groups.push(Group {
                    outcomes: Vec::new(),
                });
                groups.len() - 1
            });
            groups[i].outcomes.push(o);
        }
        Report {
            response,
            groups,
            failed: response.failures().count(),
            done: verdict(response, already_done_ok),
        }
    }

    /// `ok`, `already_done` (every failure means the goal already holds) or
    /// `failed`.
    fn verdict(&self) -> &'static str {
        if self.failed == 0 {
            "ok"
        } else if self.response.is_done() {
            "already_done"
        } else {
            "failed"
        }
    }

    /// The verdict line's judgment, counted from the failures the exit status
    /// is decided by: what failed, by where it was reported. Every failure is
    /// in exactly one count, so "nothing failed" is only ever said with exit 0.
    fn headline(&self) -> String {
        let (mut request, mut items, mut dropped, mut done) = (false, 0, 0, 0);
        for o in self.response.failures() {
            match (o.kind(), o.is_already_done()) {
                (_, true) => done += 1,
                (OutcomeKind::Request, _) => request = true,
                (OutcomeKind::Dropped, _) => dropped += 1,
                (_, _) => items += 1,
            }
        }
        debug_assert_eq!(usize::from(request) + items + dropped + done, self.failed);
        let zh = zh();
        let mut parts = Vec::new();
        if done > 0 {
            // The service said it failed, but what was asked for holds.
            parts.push(if zh {
                format!("{} 项已完成（目标已达成）", thousands(done))
            } else {
                format!("{} already done (the goal already holds)", thousands(done))
            });
        }
        if request {
            parts.push(t("the request failed", "请求失败").to_string());
        }
        if items > 0 {
            parts.push(if zh {
                format!("{} 项失败", thousands(items))
            } else {
                format!("{} item(s) failed", thousands(items))
            });
        }
        if dropped > 0 {
            parts.push(if zh {
                format!("{} 条消息被丢弃", thousands(dropped))
            } else {
                format!("{} message(s) dropped", thousands(dropped))
            });
        }
        match parts.len() {
            0 => t("nothing failed", "没有失败").to_string(),
            _ => parts.join(t(", and ", "，")),
        }
    }

    pub(crate) fn text(
        &self,
        out: &mut impl Write,
        style: &Style,
        all_items: bool,
    ) -> io::Result<()> {
        let r = self.response;
        let headline = match self.done {
            Done::Success => "OK",
            Done::Failure => "FAILED",
        };
        write!(out, "{}: {}", style.bold(headline), self.headline())?;
        if r.item_count() > 0 {
            let read = thousands(r.item_count());
            if zh() {
                write!(out, "（读取了 {read} 项结果）")?;
            } else {
                write!(out, " ({read} item result(s) read)")?;
            }
        }
        write!(out, "; {}", r.vendor().name_in(crate::lang()))?;
        if let Some(api) = r.api() {
            write!(out, " {api}")?;
        }
        match r.vendor() {
            Vendor::Nexconn => write!(out, ", code {}", r.code())?,
            _ => write!(
                out,
                ", ActionStatus {}, ErrorCode {}",
                r.action_status().unwrap_or("(none)"),
                r.code()
            )?,
        }
        if let Some(id) = r.request_id() {
            write!(out, ", RequestId {id}")?;
        }
        writeln!(out)?;
        if let Some(how) = r.api().and_then(|api| api.repeat().how()) {
            let label = style.dim(&crate::text::padded(t("repeat", "重复发送")));
            let how = match r.api().map(|api| api.path()) {
                Some(_) if zh() => format!("原样重复发送并不安全：{how}"),
                _ => format!("not safe to repeat as it is: {how}"),
            };
            writeln!(out, "{label}{how}")?;
        }
        for group in &self.groups {
            writeln!(out)?;
            self.text_group(out, style, group, all_items)?;
        }
        Ok(())
    }

    fn text_group(
        &self,
        out: &mut impl Write,
        style: &Style,
        group: &Group<'_>,
        all_items: bool,
    ) -> io::Result<()> {
        let first = group.first();
        let count = group.outcomes.len();
        let zh = zh();
        let what = match (first.kind(), first.code()) {
            (OutcomeKind::Request, Some(code)) => format!(
                "{}{}",
                t("the request: ", "请求："),
                first.explanation().map_or(code.to_string(), heading)
            ),
            (OutcomeKind::Request, None) => format!(
                "the request: ActionStatus {} without an error code",
                self.response.action_status().unwrap_or("(none)")
            ),
            (_, Some(code)) => {
                let name = first.explanation().map_or(code.to_string(), heading);
                match (zh, first.is_failure()) {
                    (true, true) => format!("{name}：{} 项失败", thousands(count)),
                    (true, false) => format!("{name}：{} 项", thousands(count)),
                    (false, true) => format!("{name}: {} item(s) failed", thousands(count)),
                    (false, false) => format!("{name}: {} item(s)", thousands(count)),
                }
            }
            (OutcomeKind::ItemStatus, None) => format!(
                "{} status {}: {} item(s) failed, no code given",
                first.array().unwrap_or_default(),
                first.status().unwrap_or_default(),
                thousands(count)
            ),
            (OutcomeKind::FailList, None) => format!(
                "listed in {} as failed, no code given: {} item(s)",
                first.array().unwrap_or_default(),
                thousands(count)
            ),
            (_, None) if zh => format!("消息被丢弃：{} 条", thousands(count)),
            (_, None) => format!("message dropped: {} message(s)", thousands(count)),
        };
        let lang = crate::lang();
        let state = match (
            first.is_failure(),
            first.explanation().and_then(|e| e.already_done_in(lang)),
        ) {
            (false, _) => t(" (not a failure)", "（不是失败）").to_string(),
            (true, Some(why)) if first.is_already_done() && zh => format!("（已完成：{why}）"),
            (true, Some(why)) if first.is_already_done() => format!(" (already done: {why})"),
            _ => String::new(),
        };
        writeln!(out, "{}{state}", style.bold(&what))?;
        let label = |text: &'static str| style.dim(&crate::text::padded(crate::text::label(text)));
        let named: Vec<&chatcodes::Item> = group.outcomes.iter().filter_map(|o| o.item()).collect();
        if let Some(item) = named.first() {
            let shown = if all_items {
                named.len()
            } else {
                named.len().min(SHOWN_ITEMS)
            };
            let ids: Vec<&str> = named[..shown].iter().map(|i| i.id.as_str()).collect();
            write!(out, "{}{} {}", label("items"), item.field, ids.join(", "))?;
            if named.len() > shown {
                let more = thousands(named.len() - shown);
                if zh {
                    write!(out, " ……另有 {more} 项")?;
                } else {
                    write!(out, " ... and {more} more")?;
                }
            }
            writeln!(out)?;
        }
        let messages = distinct_messages(&group.outcomes);
        for (i, (message, n)) in messages.iter().enumerate() {
            let tag = if i == 0 { "service said" } else { "" };
            if count > 1 {
                writeln!(out, "{}{message} ({})", label(tag), thousands(*n))?;
            } else {
                writeln!(out, "{}{message}", label(tag))?;
            }
        }
        if let Some(e) = first.explanation() {
            for (message, _) in &messages {
                if let Some(cause) = e.cause_for(message) {
                    // The same cause in the output's language.
                    let i = e.causes().iter().position(|c| *c == cause);
                    let cause = i.map_or(cause, |i| e.causes_in(lang)[i]);
                    let from = t("from", "依据");
                    writeln!(out, "{}{cause} ({from} {message})", label("likely cause"))?;
                }
            }
            write_fields(out, style, e)?;
        } else if let Some(code) = first.code() {
            if zh {
                writeln!(out, "  chatcodes 目录中没有错误码 {code}")?;
            } else {
                writeln!(out, "  code {code} is not in the chatcodes catalogue")?;
            }
        }
        Ok(())
    }

    pub(crate) fn json(&self, out: &mut impl Write) -> io::Result<()> {
        let r = self.response;
        let mut explanations = serde_json::Map::new();
        for group in &self.groups {
            if let (Some(code), Some(e)) = (group.first().code(), group.first().explanation()) {
                let value = serde_json::to_value(e).map_err(io::Error::other)?;
                explanations.insert(code.to_string(), value);
            }
        }
        let document = JsonReport {
            verdict: self.verdict(),
            vendor: r.vendor(),
            api: r.api().map(chatcodes::Api::path),
            action_status: r.action_status(),
            code: r.code(),
            message: r.message(),
            request_id: r.request_id(),
            items: r.item_count(),
            failed: self.failed,
            already_done: r.failures().filter(|o| o.is_already_done()).count(),
            repeat: r.api().map(|api| RepeatRecord::of(api.repeat())),
            outcomes: r
                .outcomes()
                .iter()
                .map(|o| OutcomeRecord::new(o, false))
                .collect(),
            explanations,
        };
        serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::other)?;
        writeln!(out)
    }

    pub(crate) fn ndjson(&self, out: &mut impl Write) -> io::Result<()> {
        for o in self.response.outcomes() {
            serde_json::to_writer(&mut *out, &OutcomeRecord::new(o, true))
                .map_err(io::Error::other)?;
            writeln!(out)?;
        }
        Ok(())
    }
}

/// Each distinct non-empty message of a group with how often it occurs, most
/// frequent first.
fn distinct_messages<'o>(outcomes: &[&'o Outcome]) -> Vec<(&'o str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for o in outcomes {
        let m = o.message().trim();
        if m.is_empty() {
            continue;
        }
        match index.get(m) {
            Some(&i) => counts[i].1 += 1,
            None => {
                index.insert(m, counts.len());
                counts.push((m, 1));
            }
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    counts
}

/// `17143` as `17,143`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[derive(Serialize)]
struct JsonReport<'r> {
    verdict: &'static str,
    vendor: Vendor,
    api: Option<&'static str>,
    action_status: Option<&'r str>,
    code: i64,
    message: &'r str,
    request_id: Option<&'r str>,
    items: usize,
    failed: usize,
    /// How many failures mean the goal already holds.
    already_done: usize,
    /// Whether the API can do its work twice when the request is repeated,
    /// and how to resend safely (`null` without an API).
    #[serde(skip_serializing_if = "Option::is_none")]
    repeat: Option<RepeatRecord>,
    outcomes: Vec<OutcomeRecord<'r>>,
    /// The explanation of each code, keyed by the code.
    explanations: serde_json::Map<String, serde_json::Value>,
}

/// One outcome; with `inline`, its explanation is in the record (NDJSON),
/// else it is in the report's `explanations`, under the code.
#[derive(Serialize)]
struct OutcomeRecord<'r> {
    failure: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    already_done: bool,
    kind: OutcomeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    array: Option<&'static str>,
    item: Option<&'r chatcodes::Item>,
    code: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<i64>,
    message: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'static chatcodes::Explanation>,
}

impl<'r> OutcomeRecord<'r> {
    fn new(o: &'r Outcome, inline: bool) -> Self {
        OutcomeRecord {
            failure: o.is_failure(),
            already_done: o.is_already_done(),
            kind: o.kind(),
            array: o.array(),
            item: o.item(),
            code: o.code(),
            status: o.status(),
            message: o.message(),
            explanation: o.explanation().filter(|_| inline),
        }
    }
}

/// Whether repeating the request can do its work twice, as JSON.
#[derive(Serialize)]
pub struct RepeatRecord {
    safe: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    how: Option<&'static str>,
}

impl RepeatRecord {
    /// The record of `repeat`.
    pub fn of(repeat: chatcodes::Repeat) -> Self {
        RepeatRecord {
            safe: repeat.is_safe(),
            how: repeat.how(),
        }
    }
}

/// Whether the report is in Chinese (`--lang zh` or the locale).
fn zh() -> bool {
    crate::lang() == chatcodes::Lang::Zh
}

/// `en` or `zh`, by the output's language.
fn t(en: &'static str, zh_text: &'static str) -> &'static str {
    if zh() { zh_text } else { en }
}
