//! The order confirmation e-mail with the invoice, in the shopper's language, as plain text and
//! HTML. Pure: the caller sends it. Both parts are rendered from the same list of blocks, so
//! they always say the same. Money goes through `format_price`, dates through `format_date`,
//! times are Tallinn time.

use crate::delivery::local_time::to_tallinn;
use crate::i18n::{county_name, fill, format_date, format_price, Lang, Texts};
use crate::orders::{OrderView, PaymentMethod, ShipmentView};
use chrono::Timelike;

/// A rendered e-mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email {
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Email {
    /// A short notice: paragraphs of text, then a link (its text and address), in both parts.
    pub fn paragraphs(lang: Lang, subject: String, paragraphs: &[String], link: Option<(&str, &str)>) -> Email {
        use crate::markup::html;
        let mut text = String::new();
        let mut body = String::new();
        for p in paragraphs {
            text.push_str(p);
            text.push_str("\n\n");
            body.push_str(&format!("<p>{}</p>", html(p)));
        }
        if let Some((label, href)) = link {
            text.push_str(&format!("{label}: {href}\n"));
            body.push_str(&format!("<p><a href=\"{}\">{}</a></p>", html(href), html(label)));
        }
        let html_doc = format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body>{body}</body></html>",
            lang.code(),
            html(&subject)
        );
        Email { subject, text, html: html_doc }
    }
}

/// Shown for a value the order does not have yet.
const DASH: &str = "—";
/// Target line length of the text part.
const TEXT_WIDTH: usize = 76;
/// Indent of table rows in the text part.
const TABLE_INDENT: usize = 2;
/// Space between table columns in the text part.
const COLUMN_GAP: usize = 2;

/// The order confirmation with the invoice, in `order.lang`. `base_url` is the shop's public
/// origin without a trailing slash, used for the link to the order page.
pub fn order_confirmation(order: &OrderView, base_url: &str) -> Email {
    let t = order.lang.texts();
    let subject = fill(t.email_subject, &[("number", &order.id.to_string())]);
    let blocks = blocks(order, base_url, t);
    Email { text: render_text(&blocks), html: render_html(&blocks, order.lang, &subject), subject }
}

pub use crate::markup::html as escape;

/// One piece of the e-mail; every string in it is plain text (escaped only when rendered).
enum Block {
    Heading(String),
    Subheading(String),
    Para(String),
    /// Lines kept together, such as an address.
    Lines(Vec<String>),
    /// Label and value pairs; `amounts` right-aligns the values in the text part.
    Rows {
        rows: Vec<(String, String)>,
        amounts: bool,
    },
    /// The first cell of each row is the row's header; the other columns are amounts.
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Link {
        label: String,
        url: String,
    },
    /// The footer's separator.
    Rule,
    /// Footer text.
    Small(String),
}

fn row(label: &str, value: impl Into<String>) -> (String, String) {
    (label.to_owned(), value.into())
}

/// "24%", "9,5%" (et, ru) or "9.5%" (en).
fn percent(rate_bp: u32, lang: Lang) -> String {
    let (whole, frac) = (rate_bp / 100, rate_bp % 100);
    if frac == 0 {
        return format!("{whole}%");
    }
    let sep = if lang == Lang::En { '.' } else { ',' };
    let frac = format!("{frac:02}");
    format!("{whole}{sep}{}%", frac.trim_end_matches('0'))
}

/// A fee, or the word "free" when it is zero.
fn fee(cents: i64, lang: Lang) -> String {
    if cents == 0 {
        lang.texts().email_free.to_owned()
    } else {
        format_price(cents, lang)
    }
}

/// One date, or "from – to" for a window.
fn delivery_window(s: &ShipmentView, lang: Lang) -> String {
    if s.earliest == s.latest {
        format_date(s.earliest, lang)
    } else {
        let (from, to) = (format_date(s.earliest, lang), format_date(s.latest, lang));
        fill(lang.texts().email_date_range, &[("from", &from), ("to", &to)])
    }
}

fn blocks(order: &OrderView, base_url: &str, t: &Texts) -> Vec<Block> {
    let lang = order.lang;
    let number = order.id.to_string();
    let mut b = vec![
        Block::Para(fill(t.email_greeting, &[("name", order.name.trim())])),
        Block::Para(fill(t.email_thanks, &[("number", &number)])),
        Block::Para(t.email_intro.to_owned()),
    ];

    b.push(Block::Heading(t.email_invoice_heading.to_owned()));
    b.push(Block::Rows {
        rows: vec![
            row(t.email_invoice_number, order.invoice_label().unwrap_or_else(|| DASH.to_owned())),
            row(t.email_invoice_date, order.invoiced_on.map_or_else(|| DASH.to_owned(), |d| format_date(d, lang))),
            row(t.email_order_number, number.clone()),
            row(t.email_order_date, format_date(to_tallinn(order.placed_at).date(), lang)),
        ],
        amounts: false,
    });
    b.push(Block::Subheading(t.email_buyer.to_owned()));
    b.push(Block::Lines(vec![
        order.name.clone(),
        order.email.clone(),
        order.phone.clone(),
        order.street.clone(),
        format!("{} {}", order.postal_code, order.city),
        county_name(t, order.county).to_owned(),
    ]));
    if let Some(comment) = order.courier_comment.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        b.push(Block::Rows { rows: vec![row(t.email_courier_comment, comment)], amounts: false });
    }
    if order.paper_invoice {
        b.push(Block::Para(t.email_paper_invoice.to_owned()));
    }

    let count = order.shipments.len().to_string();
    for (i, s) in order.shipments.iter().enumerate() {
        let n = (i + 1).to_string();
        b.push(Block::Subheading(fill(t.email_shipment_heading, &[("n", &n), ("count", &count)])));
        let mut rows = vec![row(t.email_seller, s.seller_name.clone()), row(t.email_delivery_method, s.method_name.clone())];
        // Goods into the pantry travel later, by a transport order: no delivery date now.
        if !s.to_pantry {
            rows.push(row(t.email_expected_delivery, delivery_window(s, lang)));
        }
        b.push(Block::Rows { rows, amounts: false });
        b.push(Block::Table {
            head: [
                t.email_col_product,
                t.email_col_quantity,
                t.email_col_unit_price,
                t.email_col_line_total,
                t.email_col_vat_rate,
            ]
            .map(str::to_owned)
            .to_vec(),
            rows: s
                .lines
                .iter()
                .map(|l| {
                    vec![
                        l.title.clone(),
                        l.quantity.to_string(),
                        format_price(l.unit_price_cents, lang),
                        format_price(l.total_cents, lang),
                        percent(l.vat_rate_bp, lang),
                    ]
                })
                .collect(),
        });
        b.push(Block::Rows { rows: vec![row(t.email_delivery_fee, fee(s.fee_cents, lang))], amounts: true });
    }

    b.push(Block::Subheading(t.email_totals_heading.to_owned()));
    b.push(Block::Rows {
        rows: vec![
            row(t.email_goods, format_price(order.goods_cents, lang)),
            row(t.email_delivery, fee(order.delivery_cents, lang)),
            row(t.email_total, format_price(order.total_cents, lang)),
        ],
        amounts: true,
    });
    b.push(Block::Subheading(t.email_vat_heading.to_owned()));
    b.push(Block::Table {
        head: [t.email_col_rate, t.email_col_net, t.email_col_vat, t.email_col_gross].map(str::to_owned).to_vec(),
        rows: order
            .vat
            .iter()
            .map(|v| {
                vec![
                    percent(v.rate_bp, lang),
                    format_price(v.net_cents, lang),
                    format_price(v.vat_cents, lang),
                    format_price(v.gross_cents, lang),
                ]
            })
            .collect(),
    });

    b.push(Block::Heading(t.email_payment_heading.to_owned()));
    let mut payment = Vec::new();
    match order.payment_method {
        PaymentMethod::BankLink => {
            payment.push(row(t.email_payment_method, t.email_method_bank_link));
            if let Some(bank) = order.bank {
                payment.push(row(t.email_bank, bank.name()));
            }
        }
        PaymentMethod::PayLater => payment.push(row(t.email_payment_method, t.email_method_pay_later)),
    }
    if let Some(paid_at) = order.paid_at {
        let at = to_tallinn(paid_at);
        let (date, time) = (format_date(at.date(), lang), format!("{:02}:{:02}", at.hour(), at.minute()));
        payment.push(row(t.email_paid, fill(t.email_paid_at, &[("date", &date), ("time", &time)])));
    }
    b.push(Block::Rows { rows: payment, amounts: false });
    if order.payment_method == PaymentMethod::PayLater && !order.instalments.is_empty() {
        b.push(Block::Para(t.email_pay_later_terms.to_owned()));
        b.push(Block::Table {
            head: vec![t.email_col_due.to_owned(), t.email_col_amount.to_owned()],
            rows: order
                .instalments
                .iter()
                .map(|i| vec![format_date(i.due, lang), format_price(i.amount_cents, lang)])
                .collect(),
        });
    }

    if !order.sellers.is_empty() {
        b.push(Block::Heading(t.email_sellers_heading.to_owned()));
        b.push(Block::Para(t.email_sellers_note.to_owned()));
        for party in &order.sellers {
            let or_dash = |s: &str| if s.trim().is_empty() { DASH.to_owned() } else { s.to_owned() };
            b.push(Block::Subheading(party.legal_name.clone()));
            b.push(Block::Rows {
                rows: vec![
                    row(t.email_registry_code, or_dash(&party.registry_code)),
                    row(t.email_vat_number, or_dash(&party.vat_number)),
                    row(t.email_address, or_dash(&party.address)),
                ],
                amounts: false,
            });
        }
    }

    b.push(Block::Link {
        label: t.email_order_link.to_owned(),
        url: format!("{}{}", base_url.trim_end_matches('/'), order.path()),
    });
    b.push(Block::Rule);
    b.push(Block::Small(t.email_keep.to_owned()));
    b.push(Block::Small(t.email_footer.to_owned()));
    b
}

// ---- The text part ----

fn width(s: &str) -> usize {
    s.chars().count()
}

fn pad_right(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// Breaks text into lines of at most `max` characters at ordinary spaces (non-breaking spaces,
/// as in prices, hold); explicit line breaks are kept. A longer word stays whole.
fn wrap(s: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for para in s.lines() {
        let mut line = String::new();
        for word in para.split([' ', '\t']).filter(|w| !w.is_empty()) {
            if !line.is_empty() && width(&line) + 1 + width(word) > max {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

fn text_rows(rows: &[(String, String)], amounts: bool) -> Vec<String> {
    let label_w = rows.iter().map(|(l, _)| width(l) + 1).max().unwrap_or(0) + 2;
    let value_w = rows.iter().map(|(_, v)| width(v)).max().unwrap_or(0);
    let mut out = Vec::new();
    for (label, value) in rows {
        let label = pad_right(&format!("{label}:"), label_w);
        if amounts {
            out.push(format!("{label}{}", pad_left(value, value_w)));
            continue;
        }
        let room = TEXT_WIDTH.saturating_sub(label_w).max(30);
        for (i, line) in wrap(value, room).into_iter().enumerate() {
            let lead = if i == 0 { label.clone() } else { " ".repeat(label_w) };
            out.push(format!("{lead}{line}").trim_end().to_owned());
        }
    }
    out
}

fn text_table(head: &[String], rows: &[Vec<String>]) -> Vec<String> {
    let cols = head.len();
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    for r in rows {
        for (c, cell) in r.iter().enumerate().take(cols) {
            widths[c] = widths[c].max(width(cell));
        }
    }
    let rest: usize = widths.iter().skip(1).map(|w| w + COLUMN_GAP).sum();
    let room = TEXT_WIDTH.saturating_sub(TABLE_INDENT + rest).max(12);
    widths[0] = widths[0].min(room);
    let indent = " ".repeat(TABLE_INDENT);
    let gap = " ".repeat(COLUMN_GAP);
    let line = |first: &str, others: &[String]| {
        let mut s = format!("{indent}{}", pad_right(first, widths[0]));
        for (c, cell) in others.iter().enumerate() {
            s.push_str(&gap);
            s.push_str(&pad_left(cell, widths[c + 1]));
        }
        s.trim_end().to_owned()
    };
    let mut out = vec![line(&head[0], &head[1..])];
    out.push(format!("{indent}{}", "-".repeat(widths.iter().sum::<usize>() + COLUMN_GAP * (cols - 1))));
    for r in rows {
        let Some((first, others)) = r.split_first() else { continue };
        let mut wrapped = wrap(first, widths[0]);
        let last = wrapped.pop().unwrap_or_default();
        for w in wrapped {
            out.push(format!("{indent}{w}"));
        }
        out.push(line(&last, others));
    }
    out
}

fn render_text(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in blocks {
        let lines = match block {
            Block::Heading(s) => {
                let s = s.to_uppercase();
                vec![s.clone(), "=".repeat(width(&s))]
            }
            Block::Subheading(s) => vec![s.clone(), "-".repeat(width(s))],
            Block::Para(s) | Block::Small(s) => wrap(s, TEXT_WIDTH),
            Block::Lines(lines) => lines.iter().filter(|l| !l.trim().is_empty()).cloned().collect(),
            Block::Rows { rows, amounts } => text_rows(rows, *amounts),
            Block::Table { head, rows } => text_table(head, rows),
            Block::Link { label, url } => vec![format!("{label}:"), url.clone()],
            Block::Rule => vec!["-".repeat(40)],
        };
        parts.push(lines.join("\n"));
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

// ---- The HTML part ----

const CELL: &str = "padding:4px 8px;border-bottom:1px solid #e2e2dc;";
const ROW_LABEL: &str = "text-align:left;font-weight:normal;color:#555;padding:2px 16px 2px 0;vertical-align:top;";
const BODY: &str = "margin:0;padding:0;background:#f4f4f1;";
const PAGE: &str = "max-width:640px;margin:0 auto;padding:24px;background:#ffffff;\
    font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45;color:#1f1f1f;";
const BUTTON: &str =
    "display:inline-block;padding:10px 18px;background:#1d5e3b;color:#ffffff;text-decoration:none;border-radius:4px;";
const RULE: &str = "border:none;border-top:1px solid #e2e2dc;margin:24px 0 12px;";
const AMOUNT: &str = "text-align:right;white-space:nowrap;";

/// Escaped text with its line breaks kept.
fn html_text(s: &str) -> String {
    escape(s).replace("\r\n", "\n").replace('\n', "<br>")
}

fn html_rows(out: &mut String, rows: &[(String, String)], amounts: bool) {
    out.push_str("<table style=\"border-collapse:collapse;margin:0 0 14px;\">");
    for (label, value) in rows {
        let align = if amounts { AMOUNT } else { "" };
        out.push_str(&format!(
            "<tr><th scope=\"row\" style=\"{ROW_LABEL}\">{}</th><td style=\"padding:2px 0;{align}\">{}</td></tr>",
            html_text(label),
            html_text(value)
        ));
    }
    out.push_str("</table>\n");
}

fn html_table(out: &mut String, head: &[String], rows: &[Vec<String>]) {
    out.push_str("<table style=\"width:100%;border-collapse:collapse;margin:0 0 14px;font-size:14px;\">\n<thead><tr>");
    for (c, h) in head.iter().enumerate() {
        let align = if c == 0 { "text-align:left;" } else { "text-align:right;" };
        out.push_str(&format!("<th scope=\"col\" style=\"{CELL}{align}background:#f4f4f1;\">{}</th>", html_text(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        out.push_str("<tr>");
        for (c, cell) in r.iter().enumerate() {
            if c == 0 {
                out.push_str(&format!(
                    "<th scope=\"row\" style=\"{CELL}text-align:left;font-weight:normal;\">{}</th>",
                    html_text(cell)
                ));
            } else {
                out.push_str(&format!("<td style=\"{CELL}{AMOUNT}\">{}</td>", html_text(cell)));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn render_html(blocks: &[Block], lang: Lang, subject: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title></head>\n<body style=\"{BODY}\">\n<div style=\"{PAGE}\">\n",
        escape(lang.code()),
        escape(subject)
    );
    for block in blocks {
        match block {
            Block::Heading(s) => {
                out.push_str(&format!("<h2 style=\"font-size:20px;margin:28px 0 10px;\">{}</h2>\n", html_text(s)))
            }
            Block::Subheading(s) => {
                out.push_str(&format!("<h3 style=\"font-size:16px;margin:20px 0 8px;\">{}</h3>\n", html_text(s)))
            }
            Block::Para(s) => out.push_str(&format!("<p style=\"margin:0 0 12px;\">{}</p>\n", html_text(s))),
            Block::Lines(lines) => {
                let lines: Vec<String> = lines.iter().filter(|l| !l.trim().is_empty()).map(|l| html_text(l)).collect();
                out.push_str(&format!("<p style=\"margin:0 0 12px;\">{}</p>\n", lines.join("<br>")));
            }
            Block::Rows { rows, amounts } => html_rows(&mut out, rows, *amounts),
            Block::Table { head, rows } => html_table(&mut out, head, rows),
            Block::Link { label, url } => out.push_str(&format!(
                "<p style=\"margin:24px 0;\"><a href=\"{}\" style=\"{BUTTON}\">{}</a></p>\n",
                escape(url),
                html_text(label)
            )),
            Block::Rule => out.push_str(&format!("<hr style=\"{RULE}\">\n")),
            Block::Small(s) => {
                out.push_str(&format!("<p style=\"margin:0 0 6px;font-size:13px;color:#666;\">{}</p>\n", html_text(s)))
            }
        }
    }
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::{County, DeliveryKind};
    use crate::orders::{Bank, InvoiceParty, OrderLineView, OrderStatus, PaymentStatus, ShipmentStatus};
    use crate::payment::instalments::{schedule, PayLater};
    use crate::vat::breakdown;
    use chrono::{DateTime, NaiveDate, Utc};

    const BASE: &str = "http://127.0.0.1:3000";

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn utc(y: i32, m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
        d(y, m, day).and_hms_opt(h, min, 0).unwrap().and_utc()
    }

    fn line(title: &str, quantity: i32, unit: i64, vat_rate_bp: u32) -> OrderLineView {
        OrderLineView {
            product_slug: title.to_lowercase().replace(' ', "-"),
            title: title.to_owned(),
            quantity,
            unit_price_cents: unit,
            total_cents: unit * i64::from(quantity),
            vat_rate_bp,
            mode: crate::orders::LineMode::Deliver,
        }
    }

    fn shipment(
        id: i32,
        seller: &str,
        method: &str,
        kind: DeliveryKind,
        fee: i64,
        window: (NaiveDate, NaiveDate),
        lines: Vec<OrderLineView>,
    ) -> ShipmentView {
        ShipmentView {
            id,
            seller_name: seller.to_owned(),
            seller_slug: seller.to_lowercase().replace(' ', "-"),
            method_name: method.to_owned(),
            method_kind: kind,
            goods_cents: lines.iter().map(|l| l.total_cents).sum(),
            fee_cents: fee,
            earliest: window.0,
            latest: window.1,
            status: ShipmentStatus::Paid,
            to_pantry: false,
            lines,
            after: crate::orders::aftersale::AfterDelivery::for_day(None, false, window.0),
            claims: Vec::new(),
            tracking: None,
        }
    }

    /// Two sellers: a cold courier on one date (free), a parcel locker with a window and a fee.
    fn order(lang: Lang) -> OrderView {
        let shipments = vec![
            shipment(
                1,
                "Saaremaa Piim",
                "Cold courier",
                DeliveryKind::ColdCourier,
                0,
                (d(2026, 11, 27), d(2026, 11, 27)),
                vec![line("Milk 2.5% 1 l", 2, 129, 2400), line("Kefir 1 l", 1, 249, 2400)],
            ),
            shipment(
                2,
                "Raamatukoi",
                "Parcel locker",
                DeliveryKind::ParcelLocker,
                349,
                (d(2026, 11, 25), d(2026, 11, 30)),
                vec![line("Tõde ja õigus I", 1, 2500, 900), line("Bookmark", 3, 199, 2400)],
            ),
        ];
        let mut amounts: Vec<(i64, u32)> =
            shipments.iter().flat_map(|s| s.lines.iter().map(|l| (l.total_cents, l.vat_rate_bp))).collect();
        amounts.push((349, 2400));
        let goods_cents = shipments.iter().map(|s| s.goods_cents).sum::<i64>();
        OrderView {
            id: 42,
            token: "k3y".to_owned(),
            lang,
            status: OrderStatus::Paid,
            placed_at: utc(2026, 11, 24, 12, 0),
            paid_at: Some(utc(2026, 11, 24, 12, 5)),
            name: "Mari Maasikas".to_owned(),
            email: "mari@example.ee".to_owned(),
            phone: "+372 5123 4567".to_owned(),
            street: "Rüütli 12-3".to_owned(),
            city: "Tartu".to_owned(),
            postal_code: "51007".to_owned(),
            county: County::Tartu,
            courier_comment: Some("Door code 1234".to_owned()),
            paper_invoice: false,
            goods_cents,
            delivery_cents: 349,
            total_cents: goods_cents + 349,
            vat: breakdown(&amounts),
            shipments,
            payment_method: PaymentMethod::BankLink,
            bank: Some(Bank::Swedbank),
            payment_status: PaymentStatus::Paid,
            instalments: Vec::new(),
            pay_path: None,
            invoice_number: Some(42),
            invoiced_on: Some(d(2026, 11, 24)),
            transport: false,
            sellers: vec![
                InvoiceParty {
                    legal_name: "Saaremaa Piimatööstus AS".to_owned(),
                    registry_code: "10099062".to_owned(),
                    vat_number: "EE100359431".to_owned(),
                    address: "Tallinna mnt 9, 93815 Kuressaare".to_owned(),
                },
                InvoiceParty {
                    legal_name: "Raamatukoi OÜ".to_owned(),
                    registry_code: "10273587".to_owned(),
                    vat_number: "EE100293470".to_owned(),
                    address: "Fortuuna 5, 50603 Tartu".to_owned(),
                },
            ],
        }
    }

    fn both(email: &Email, needle: &str) {
        assert!(email.text.contains(needle), "text lacks {needle:?}:\n{}", email.text);
        assert!(email.html.contains(&escape(needle)), "html lacks {needle:?}:\n{}", email.html);
    }

    #[test]
    fn subject_names_the_order_in_each_language() {
        let subjects: Vec<String> = Lang::ALL.iter().map(|&l| order_confirmation(&order(l), BASE).subject).collect();
        for s in &subjects {
            assert!(s.contains("42"), "{s}");
        }
        assert_ne!(subjects[0], subjects[1]);
        assert_ne!(subjects[1], subjects[2]);
        assert_ne!(subjects[0], subjects[2]);
        let html = order_confirmation(&order(Lang::Ru), BASE).html;
        assert!(html.contains(&format!("<title>{}</title>", escape(&subjects[2]))));
    }

    #[test]
    fn invoice_buyer_and_sellers_appear_in_both_parts() {
        let o = order(Lang::En);
        let e = order_confirmation(&o, BASE);
        both(&e, "TRG-000042");
        both(&e, "24 Nov 2026");
        both(&e, "Hello Mari Maasikas,");
        for needle in
            ["mari@example.ee", "+372 5123 4567", "Rüütli 12-3", "51007 Tartu", "Tartu County", "Door code 1234"]
        {
            both(&e, needle);
        }
        for s in &o.shipments {
            both(&e, &s.seller_name);
            both(&e, &s.method_name);
            for l in &s.lines {
                both(&e, &l.title);
            }
        }
        for p in &o.sellers {
            for needle in [&p.legal_name, &p.registry_code, &p.vat_number, &p.address] {
                both(&e, needle);
            }
        }
        both(&e, "Swedbank");
        // 12:05 UTC in November is 14:05 in Tallinn.
        both(&e, "24 Nov 2026 at 14:05 (Tallinn time)");
    }

    #[test]
    fn lines_fees_and_totals_are_formatted_prices() {
        for lang in Lang::ALL {
            let o = order(lang);
            let e = order_confirmation(&o, BASE);
            let t = lang.texts();
            both(&e, &format_price(129, lang));
            both(&e, &format_price(258, lang));
            both(&e, &format_price(597, lang));
            both(&e, &format_price(349, lang));
            both(&e, t.email_free);
            both(&e, &format_price(o.goods_cents, lang));
            both(&e, &format_price(3953, lang));
            assert_eq!((o.goods_cents, o.total_cents), (3604, 3953));
        }
    }

    #[test]
    fn vat_breakdown_lists_every_rate() {
        let o = order(Lang::Et);
        let e = order_confirmation(&o, BASE);
        assert_eq!(o.vat.len(), 2);
        both(&e, "24%");
        both(&e, "9%");
        for v in &o.vat {
            both(&e, &format_price(v.net_cents, Lang::Et));
            both(&e, &format_price(v.vat_cents, Lang::Et));
            both(&e, &format_price(v.gross_cents, Lang::Et));
        }
        assert!(e.html.contains("<th scope=\"col\""));
        assert!(e.html.contains("<th scope=\"row\""));
        assert_eq!(percent(950, Lang::En), "9.5%");
        assert_eq!(percent(950, Lang::Ru), "9,5%");
        assert_eq!(percent(1325, Lang::Et), "13,25%");
    }

    #[test]
    fn delivery_is_one_date_or_a_window() {
        let e = order_confirmation(&order(Lang::Et), BASE);
        both(&e, "Eeldatav tarne");
        both(&e, "27.11.2026");
        both(&e, "25.11.2026 – 30.11.2026");
        assert!(!e.text.contains("27.11.2026 – 27.11.2026"));
        both(&e, "Tartumaa");
    }

    #[test]
    fn pay_later_lists_every_instalment() {
        let mut o = order(Lang::En);
        o.payment_method = PaymentMethod::PayLater;
        o.bank = None;
        o.instalments = schedule(o.total_cents, PayLater::Monthly(3), d(2026, 11, 24)).unwrap();
        let e = order_confirmation(&o, BASE);
        both(&e, o.lang.texts().email_method_pay_later);
        assert_eq!(o.instalments.len(), 3);
        for i in &o.instalments {
            both(&e, &format_date(i.due, Lang::En));
            both(&e, &format_price(i.amount_cents, Lang::En));
        }
        both(&e, "24 Jan 2027");
        both(&e, "€13.18");
        both(&e, "€13.17");
        assert!(!e.text.contains("Swedbank"));
        assert!(!order_confirmation(&order(Lang::En), BASE).text.contains("24 Jan 2027"));
    }

    #[test]
    fn every_value_is_escaped_in_html_and_raw_in_text() {
        let script = "<script>alert(1)</script>";
        let mut o = order(Lang::En);
        o.shipments[0].lines[0].title = script.to_owned();
        o.name = format!("Mari {script}");
        o.courier_comment = Some(format!("\"quoted\" & {script}"));
        o.shipments[1].seller_name = format!("{script} Books");
        o.sellers[1].legal_name = format!("O'Brien {script}");
        let e = order_confirmation(&o, BASE);
        assert!(!e.html.contains("<script"), "{}", e.html);
        assert!(e.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(e.html.contains("&quot;quoted&quot; &amp; "));
        assert!(e.html.contains("O&#39;Brien"));
        assert!(e.text.contains(script));
        assert!(e.text.contains("\"quoted\" & <script>"));
        assert!(!e.text.contains("&lt;"));
        assert_eq!(escape("a&b<c>\"d'e"), "a&amp;b&lt;c&gt;&quot;d&#39;e");
    }

    #[test]
    fn link_goes_to_the_order_page() {
        let o = order(Lang::Ru);
        let e = order_confirmation(&o, BASE);
        let url = format!("{BASE}{}", o.path());
        assert_eq!(url, "http://127.0.0.1:3000/ru/orders/42?key=k3y");
        assert!(e.text.lines().any(|l| l == url), "{}", e.text);
        assert!(e.html.contains(&format!("<a href=\"{}\"", escape(&url))));
        assert!(e.html.contains(o.lang.texts().email_order_link));
    }

    #[test]
    fn paper_invoice_line_only_when_requested() {
        let mut o = order(Lang::Et);
        let note = o.lang.texts().email_paper_invoice;
        let without = order_confirmation(&o, BASE);
        assert!(!without.text.contains(note) && !without.html.contains(&escape(note)));
        o.paper_invoice = true;
        both(&order_confirmation(&o, BASE), note);
    }

    #[test]
    fn missing_invoice_number_shows_a_dash() {
        let mut o = order(Lang::En);
        o.invoice_number = None;
        o.invoiced_on = None;
        o.courier_comment = None;
        let e = order_confirmation(&o, BASE);
        assert!(!e.text.contains("TRG-"));
        assert!(e.text.lines().any(|l| l.starts_with("Invoice number:") && l.ends_with(DASH)), "{}", e.text);
        assert!(!e.text.contains(o.lang.texts().email_courier_comment));
    }

    #[test]
    fn text_is_plain_and_html_is_a_document() {
        for lang in Lang::ALL {
            let e = order_confirmation(&order(lang), BASE);
            assert!(!e.text.contains('<') && !e.text.contains('>'), "{}", e.text);
            assert!(!e.text.contains("&amp;"));
            for l in e.text.lines() {
                assert!(width(l) <= 78, "too long ({}): {l}", width(l));
            }
            assert!(e.html.starts_with("<!DOCTYPE html>\n"));
            assert!(e.html.contains(&format!("<html lang=\"{}\">", lang.code())));
            assert!(e.html.contains("<meta charset=\"utf-8\">"));
            assert!(e.html.trim_end().ends_with("</html>"));
            both(&e, lang.texts().email_footer);
        }
    }

    #[test]
    fn long_titles_wrap_in_the_text_table() {
        let mut o = order(Lang::En);
        o.shipments[0].lines[0].title =
            "An exceptionally long product title that will not fit in the first column of the table".to_owned();
        let e = order_confirmation(&o, BASE);
        for l in e.text.lines() {
            assert!(width(l) <= 78, "too long ({}): {l}", width(l));
        }
        assert!(e.text.contains("An exceptionally long"));
        assert!(e.text.lines().any(|l| l.contains("€2.58")));
    }
}
