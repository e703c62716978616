//! `/{lang}/seller/imports` (upload a CSV file of offer changes; the latest files) and
//! `/{lang}/seller/imports/{id}` (one file: progress while the server works on it, then the
//! problems per row or a preview of the changes, and apply or discard). The upload is a plain
//! multipart form, so it works the same with JavaScript or without; while the server works,
//! the page refreshes itself every two seconds. Texts: `locales/*/area_imports.toml`.

use super::csv::{Column, FileProblem, RowProblem};
use super::imports::{
    get_import, get_imports, ApplyImport, ChangeRow, DiscardImport, ImportStatus, ImportView, UploadOffers, UploadProblem,
};
use super::offer_pages::SellerNav;
use super::offers::problem_text as value_problem_text;
use crate::i18n::area::use_area_texts;
use crate::i18n::{fill, format_price, AreaTexts, Lang};
use crate::seo::NoIndex;
use crate::ui::{href, loaded, tallinn_minute, use_lang};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

pub fn column_text(a: &'static AreaTexts, c: Column) -> &'static str {
    match c {
        Column::Ean => "EAN",
        Column::ProductId => a.import_col_product_id,
        Column::Price => a.import_col_price,
        Column::Stock => a.import_col_stock,
        Column::Active => a.import_col_active,
        Column::HandlingDays => a.import_col_handling,
    }
}

pub fn status_text(a: &'static AreaTexts, s: ImportStatus) -> &'static str {
    match s {
        ImportStatus::Checking => a.import_status_checking,
        ImportStatus::Invalid => a.import_status_invalid,
        ImportStatus::Ready => a.import_status_ready,
        ImportStatus::Applying => a.import_status_applying,
        ImportStatus::Applied => a.import_status_applied,
        ImportStatus::Failed => a.import_status_failed,
        ImportStatus::Discarded => a.import_status_discarded,
    }
}

fn row_problem_text(lang: Lang, a: &'static AreaTexts, p: RowProblem) -> String {
    match p {
        RowProblem::Value(v) => value_problem_text(lang.texts(), a, v).to_owned(),
        RowProblem::BadEan => a.import_bad_ean.to_owned(),
        RowProblem::BadProductId => a.import_bad_product_id.to_owned(),
        RowProblem::BadActive => a.import_bad_active.to_owned(),
        RowProblem::MissingKey => a.import_missing_key.to_owned(),
        RowProblem::FieldCount => a.import_field_count.to_owned(),
        RowProblem::Duplicate { first_line } => fill(a.import_duplicate, &[("line", &first_line.to_string())]),
        RowProblem::UnknownProduct => a.import_unknown_product.to_owned(),
        RowProblem::PriceForNewOffer => a.import_price_for_new.to_owned(),
    }
}

fn file_problem_text(a: &'static AreaTexts, p: &FileProblem) -> String {
    match p {
        FileProblem::Empty => a.import_file_empty.to_owned(),
        FileProblem::TooLarge => a.import_file_too_large.to_owned(),
        FileProblem::TooManyRows => fill(a.import_file_too_many_rows, &[("n", &super::csv::MAX_ROWS.to_string())]),
        FileProblem::NotText => a.import_file_not_text.to_owned(),
        FileProblem::NoKeyColumn => a.import_file_no_key.to_owned(),
        FileProblem::DuplicateColumn(c) => fill(a.import_file_duplicate_column, &[("column", column_text(a, *c))]),
        FileProblem::UnterminatedQuote { line } => fill(a.import_file_quote, &[("line", &line.to_string())]),
    }
}

#[component]
pub fn SellerImportsPage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| get_imports());
    view! { <NoIndex/>{loaded(data, |page| view! { <ImportsBody page/> })} }
}

#[component]
fn ImportsBody(page: super::imports::ImportsPage) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, a) = (lang.texts(), use_area_texts());
    let problem = use_query_map().get_untracked().get("problem").and_then(|p| UploadProblem::from_code(&p));
    view! {
        <Title text=format!("{} — {}", a.import_title, t.site_name)/>
        <h1>{a.import_title}</h1>
        <SellerNav lang/>
        <p class="lead">{fill(a.import_lead, &[("seller", &page.seller_name)])}</p>
        {problem.map(|p| view! {
            <p class="notice error" role="alert" data-testid="import-upload-problem">{match p {
                UploadProblem::NoFile => a.import_no_file.to_owned(),
                UploadProblem::TooLarge => a.import_file_too_large.to_owned(),
            }}</p>
        })}
        <form method="post" enctype="multipart/form-data" action=UploadOffers::url() class="stack" data-testid="import-upload">
            <input type="hidden" name="lang" value=lang.code()/>
            <div class="field">
                <label for="import-file">{a.import_file_label}</label>
                <input id="import-file" name="file" type="file" accept=".csv,text/csv,text/plain" required aria-describedby="import-file-hint"/>
                <p id="import-file-hint" class="hint">{a.import_file_hint}</p>
            </div>
            <button type="submit">{a.import_upload}</button>
        </form>
        <section>
            <h2 id="import-format">{a.import_format_title}</h2>
            <p>{a.import_format_lead}</p>
            <div class="table-scroll" role="region" aria-label=a.import_format_title tabindex="0">
                <table class="audit">
                    <thead><tr><th scope="col">{a.import_format_column}</th><th scope="col">{a.import_format_meaning}</th></tr></thead>
                    <tbody>
                        <tr><td><code>"ean"</code>" / "<code>"product_id"</code></td><td>{a.import_format_key}</td></tr>
                        <tr><td><code>"price"</code></td><td>{a.import_format_price}</td></tr>
                        <tr><td><code>"stock"</code></td><td>{a.import_format_stock}</td></tr>
                        <tr><td><code>"active"</code></td><td>{a.import_format_active}</td></tr>
                        <tr><td><code>"handling_days"</code></td><td>{a.import_format_handling}</td></tr>
                    </tbody>
                </table>
            </div>
            <p>{a.import_format_example}</p>
            <pre class="example">"ean;price;stock;active\n4740001000017;12,99;40;yes\n4740001000024;3,49;0;no"</pre>
        </section>
        <section aria-labelledby="import-recent">
            <h2 id="import-recent">{a.import_recent}</h2>
            {page.recent.is_empty().then(|| view! { <p>{a.import_none}</p> })}
            <ul class="applications" data-testid="import-recent">
                {page.recent.into_iter().map(|i| {
                    let counts = fill(a.import_counts, &[
                        ("rows", &i.records.to_string()),
                        ("errors", &i.error_count.to_string()),
                        ("updates", &i.updates.to_string()),
                        ("creates", &i.creates.to_string()),
                    ]);
                    view! {
                        <li>
                            <a href=href(lang, &format!("/seller/imports/{}", i.id))>{i.file_name.clone()}</a>
                            " · "{tallinn_minute(i.created_at)}" · "<strong>{status_text(a, i.status)}</strong>
                            <br/><span class="muted">{counts}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn SellerImportPage() -> impl IntoView {
    let lang = use_lang();
    let location = leptos_router::hooks::use_location();
    let apply = ServerAction::<ApplyImport>::new();
    let discard = ServerAction::<DiscardImport>::new();
    let id = move || location.pathname.read().rsplit('/').next().and_then(|s| s.parse::<i32>().ok()).unwrap_or(0);
    let data = crate::wire::resource(
        move || (lang.get(), id(), apply.version().get() + discard.version().get()),
        |(lang, id, _)| get_import(lang, id),
    );
    view! { <NoIndex/>{loaded(data, move |import| view! { <ImportBody import apply discard/> })} }
}

fn old_new<T: PartialEq>(old: Option<T>, new: Option<T>, show: impl Fn(T) -> String) -> String {
    match (old, new) {
        (Some(o), Some(n)) if o != n => format!("{} → {}", show(o), show(n)),
        (None, Some(n)) => show(n),
        (Some(o), _) => show(o),
        (None, None) => "—".to_owned(),
    }
}

#[component]
fn ImportBody(import: ImportView, apply: ServerAction<ApplyImport>, discard: ServerAction<DiscardImport>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    // While the server works on the file the page loads itself again, with JavaScript as
    // without (the `refresh` meta tag): a page the router showed without a load does not
    // follow that tag.
    #[cfg(feature = "hydrate")]
    if import.status.running() {
        set_timeout(
            || {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            },
            std::time::Duration::from_secs(2),
        );
    }
    let (t, a) = (lang.texts(), use_area_texts());
    let at = crate::i18n::area::use_area_texts();
    let i = import;
    let yes_no = move |b: bool| if b { a.import_yes } else { a.import_no }.to_owned();
    let facts = {
        let mut facts: Vec<String> = Vec::new();
        if let (Some(e), Some(s)) = (&i.encoding, &i.separator) {
            facts.push(fill(a.import_read_as, &[("encoding", e), ("separator", s)]));
        }
        if !i.columns.is_empty() {
            let cols: Vec<&str> = i.columns.iter().map(|c| column_text(a, *c)).collect();
            facts.push(fill(a.import_columns_used, &[("columns", &cols.join(", "))]));
        }
        if !i.ignored.is_empty() {
            facts.push(fill(a.import_columns_ignored, &[("columns", &i.ignored.join(", "))]));
        }
        facts
    };
    let progress = match i.status {
        ImportStatus::Checking => Some(view! {
            <Meta http_equiv="refresh" content="2"/>
            <label for="import-progress">{fill(a.import_checking, &[("n", &i.checked.to_string()), ("of", &i.records.to_string())])}</label>
            <progress id="import-progress" max=i.records.max(1) value=i.checked data-testid="import-progress"></progress>
        }.into_any()),
        ImportStatus::Applying => Some(view! {
            <Meta http_equiv="refresh" content="2"/>
            <label for="import-progress">{fill(a.import_applying, &[("n", &(i.updates + i.creates).to_string())])}</label>
            <progress id="import-progress" data-testid="import-progress"></progress>
        }.into_any()),
        _ => None,
    };
    let outcome = match i.status {
        ImportStatus::Invalid => Some(view! {
            <p class="notice error" role="alert" data-testid="import-outcome">
                {match &i.file_problem {
                    Some(p) => file_problem_text(a, p),
                    None => fill(a.import_invalid, &[("n", &i.error_count.to_string())]),
                }}
            </p>
        }.into_any()),
        ImportStatus::Ready => Some(view! {
            <p class="notice" role="status" data-testid="import-outcome">{fill(a.import_ready, &[
                ("updates", &i.updates.to_string()), ("creates", &i.creates.to_string()), ("unchanged", &i.unchanged.to_string()),
            ])}</p>
        }.into_any()),
        ImportStatus::Applied => Some(view! {
            <p class="notice" role="status" data-testid="import-outcome">{fill(a.import_applied, &[
                ("updates", &i.updates.to_string()), ("creates", &i.creates.to_string()),
                ("at", &i.finished_at.map(tallinn_minute).unwrap_or_default()),
            ])}</p>
        }.into_any()),
        ImportStatus::Failed => Some(view! { <p class="notice error" role="alert" data-testid="import-outcome">{a.import_failed}</p> }.into_any()),
        ImportStatus::Discarded => Some(view! { <p class="notice" role="status" data-testid="import-outcome">{a.import_discarded}</p> }.into_any()),
        _ => None,
    };
    let errors_shown = i.errors.len() as u32;
    let errors = (!i.errors.is_empty()).then(|| view! {
        <section>
            <h2 id="import-errors">{a.import_errors_title}</h2>
            {(i.error_count > errors_shown).then(|| view! {
                <p>{fill(a.import_errors_first, &[("shown", &errors_shown.to_string()), ("n", &i.error_count.to_string())])}</p>
            })}
            <div class="table-scroll" role="region" aria-label=a.import_errors_title tabindex="0">
                <table class="audit" data-testid="import-errors">
                    <thead><tr>
                        <th scope="col">{a.import_line}</th><th scope="col">{a.import_column}</th><th scope="col">{a.import_problem}</th>
                    </tr></thead>
                    <tbody>
                        {i.errors.iter().map(|e| view! {
                            <tr data-line=e.line>
                                <td>{e.line}</td>
                                <td>{e.column.map(|c| column_text(a, c)).unwrap_or("—")}</td>
                                <td>{row_problem_text(lang, a, e.problem)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    });
    let changes = (!i.changes.is_empty()).then(|| {
        let more = (i.updates + i.creates) as usize > i.changes.len();
        view! {
            <section>
                <h2 id="import-changes">{a.import_changes_title}</h2>
                {more.then(|| view! { <p>{fill(a.import_changes_first, &[("shown", &i.changes.len().to_string())])}</p> })}
                <div class="table-scroll" role="region" aria-label=a.import_changes_title tabindex="0">
                    <table class="audit" data-testid="import-changes">
                        <thead><tr>
                            <th scope="col">{a.import_line}</th>
                            <th scope="col">{at.seller_offer_product}</th>
                            <th scope="col">{at.seller_offer_price}</th>
                            <th scope="col">{at.seller_offer_stock}</th>
                            <th scope="col">{a.import_col_active}</th>
                            <th scope="col">{a.import_col_handling}</th>
                        </tr></thead>
                        <tbody>
                            {i.changes.iter().map(|c: &ChangeRow| view! {
                                <tr data-line=c.line>
                                    <td>{c.line}</td>
                                    <td>
                                        {c.product_title.clone()}<br/><span class="muted">{format!("EAN {}", c.ean)}</span>
                                        {c.offer_id.is_none().then(|| view! { <br/><strong>{a.import_new_offer}</strong> })}
                                    </td>
                                    <td>{old_new(c.price.0, c.price.1, |p| format_price(p, lang))}</td>
                                    <td>{old_new(c.stock.0, c.stock.1, |s| s.to_string())}</td>
                                    <td>{old_new(c.active.0, c.active.1, yes_no)}</td>
                                    <td>{old_new(c.handling_days.0, c.handling_days.1, |d| d.to_string())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        }
    });
    let id = i.id;
    let code = lang.code();
    let buttons = matches!(i.status, ImportStatus::Ready | ImportStatus::Invalid).then(|| view! {
        <div class="actions">
            {(i.status == ImportStatus::Ready).then(|| view! {
                <ActionForm action=apply>
                    <input type="hidden" name="lang" value=code/>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" data-testid="import-apply">{a.import_apply}</button>
                </ActionForm>
            })}
            <ActionForm action=discard>
                <input type="hidden" name="lang" value=code/>
                <input type="hidden" name="id" value=id/>
                <button type="submit" class="secondary" data-testid="import-discard">{a.import_discard}</button>
            </ActionForm>
        </div>
    });
    view! {
        <Title text=format!("{} — {}", i.file_name, t.site_name)/>
        <h1>{fill(a.import_file_title, &[("file", &i.file_name)])}</h1>
        <SellerNav lang/>
        <p data-testid="import-status" data-status=i.status.code()>
            {fill(a.import_uploaded, &[("at", &tallinn_minute(i.created_at))])}" · "<strong>{status_text(a, i.status)}</strong>
        </p>
        {progress}
        {outcome}
        {(!facts.is_empty()).then(|| view! { <ul class="muted">{facts.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul> })}
        {errors}
        {changes}
        {buttons}
        <p><a href=href(lang, "/seller/imports")>{a.import_upload_another}</a></p>
    }
}
