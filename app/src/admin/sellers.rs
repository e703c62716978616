//! `/{lang}/admin/sellers`: every seller with its standing, and suspending (with a reason) or
//! reinstating one. A suspended seller's offers leave the buy box, the offers list and search
//! at once on every instance: its products' summaries are recomputed and marked changed in the
//! same transaction, and each instance's change feed reloads its snapshot and search entries.

use crate::catalog::SellerStatus;
use crate::errors::AppError;
use crate::wire::Wire;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const SELLERS_PER_PAGE: u64 = 50;

/// A seller as administrators list it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerRow {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub country: String,
    pub status: SellerStatus,
    pub offers: u64,
}

/// Suspend or reinstate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    Suspend,
    Reinstate,
}

impl Standing {
    pub fn code(self) -> &'static str {
        match self {
            Standing::Suspend => "suspend",
            Standing::Reinstate => "reinstate",
        }
    }

    pub fn from_code(code: &str) -> Option<Standing> {
        [Standing::Suspend, Standing::Reinstate].into_iter().find(|s| s.code() == code)
    }

    /// The status it moves a seller from, and to.
    pub fn from_to(self) -> (SellerStatus, SellerStatus) {
        match self {
            Standing::Suspend => (SellerStatus::Active, SellerStatus::Suspended),
            Standing::Reinstate => (SellerStatus::Suspended, SellerStatus::Active),
        }
    }
}

/// What the last suspend/reinstate answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandingAnswer {
    pub seller_id: i32,
    pub done: Option<Standing>,
    /// A suspension needs a reason (at most 2,000 characters).
    pub problem: Option<crate::sellers::onboarding::Problem>,
    /// The seller's status changed meanwhile.
    pub stale: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellersAdminPage {
    pub rows: Vec<SellerRow>,
    pub page: crate::catalog::paging::Page,
    pub q: String,
    pub answer: Option<StandingAnswer>,
}

#[cfg(feature = "ssr")]
pub mod service {
    use super::{SellerRow, Standing, SELLERS_PER_PAGE};
    use crate::accounts::visitor::Administrator;
    use crate::admin::audit;
    use crate::catalog::paging::Page;
    use crate::db::entity::{offer, seller};
    use chrono::{DateTime, Utc};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, TransactionSession, TransactionTrait};

    /// Why a standing was not changed.
    #[derive(Debug, thiserror::Error)]
    pub enum StandingError {
        #[error("no such seller")]
        NotFound,
        #[error("the seller's status changed")]
        Stale,
        #[error("reason: {0:?}")]
        Reason(crate::sellers::onboarding::Problem),
        #[error(transparent)]
        Db(#[from] DbErr),
    }

    /// One page of sellers, by name, whose name or slug contains `q`.
    pub async fn sellers<C: ConnectionTrait>(
        db: &C,
        _admin: &Administrator,
        q: &str,
        requested: u64,
    ) -> Result<(Vec<SellerRow>, Page), DbErr> {
        let mut find = seller::Entity::find();
        let q = q.trim().to_lowercase();
        if !q.is_empty() {
            find = find.filter(seller::Column::Slug.contains(crate::db::seed::slugify(&q)));
        }
        let total = find.clone().count(db).await?;
        let page = Page::new(requested, total, SELLERS_PER_PAGE);
        let rows = find.order_by_asc(seller::Column::Name).offset(page.offset(SELLERS_PER_PAGE)).limit(SELLERS_PER_PAGE).all(db).await?;
        let ids: Vec<i32> = rows.iter().map(|s| s.id).collect();
        let counts: Vec<(i32, i64)> = offer::Entity::find()
            .select_only()
            .column(offer::Column::SellerId)
            .column_as(offer::Column::Id.count(), "n")
            .filter(offer::Column::SellerId.is_in(ids))
            .group_by(offer::Column::SellerId)
            .into_tuple()
            .all(db)
            .await?;
        Ok((
            rows.into_iter()
                .map(|s| SellerRow {
                    offers: counts.iter().find(|(id, _)| *id == s.id).map(|(_, n)| *n as u64).unwrap_or(0),
                    id: s.id,
                    slug: s.slug,
                    name: s.name,
                    country: s.country,
                    status: s.status,
                })
                .collect(),
            page,
        ))
    }

    /// Suspends (with a reason) or reinstates a seller; its products are recomputed and marked
    /// changed in the same transaction, and the action is in the audit log.
    pub async fn set_standing<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        admin: &Administrator,
        seller_id: i32,
        standing: Standing,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StandingError> {
        let reason = match standing {
            Standing::Suspend => crate::sellers::onboarding::decision_message(reason).map_err(StandingError::Reason)?,
            Standing::Reinstate => reason.trim().to_owned(),
        };
        let (from, to) = standing.from_to();
        let txn = crate::db::begin(db).await?;
        let s = seller::Entity::find_by_id(seller_id).one(&txn).await?.ok_or(StandingError::NotFound)?;
        let moved = seller::Entity::update_many()
            .col_expr(seller::Column::Status, Expr::value(to))
            .filter(seller::Column::Id.eq(s.id))
            .filter(seller::Column::Status.eq(from))
            .exec(&txn)
            .await?;
        if moved.rows_affected != 1 {
            return Err(StandingError::Stale);
        }
        let products: Vec<i32> = offer::Entity::find()
            .select_only()
            .column(offer::Column::ProductId)
            .filter(offer::Column::SellerId.eq(s.id))
            .into_tuple()
            .all(&txn)
            .await?;
        for chunk in products.chunks(1000) {
            crate::catalog::service::refresh_offer_summaries(&txn, chunk).await?;
        }
        let action = match standing {
            Standing::Suspend => audit::Action::SellerSuspend,
            Standing::Reinstate => audit::Action::SellerReinstate,
        };
        audit::record(&txn, admin, action, &format!("seller:{}", s.id), &format!("{}: {reason}", s.name), now).await?;
        txn.commit().await?;
        Ok(())
    }
}

#[server(prefix = "/api", endpoint = "admin_sellers", output = Wire)]
pub async fn get_admin_sellers(q: String, page: u64) -> Result<SellersAdminPage, AppError> {
    let admin = crate::accounts::visitor::administrator()?;
    let answer = crate::accounts::api::server_side::take_flash();
    let db = crate::server::db()?;
    let (rows, page) = service::sellers(&db, &admin, &q, page.max(1)).await?;
    Ok(SellersAdminPage { rows, page, q, answer })
}

#[server(prefix = "/api", endpoint = "admin_seller_standing", output = Wire)]
pub async fn set_seller_standing(
    lang: String,
    id: i32,
    standing: String,
    #[server(default)] reason: Option<String>,
) -> Result<StandingAnswer, AppError> {
    use service::{set_standing, StandingError};
    let admin = crate::accounts::visitor::administrator()?;
    let lang = crate::i18n::Lang::from_code(&lang).unwrap_or_default();
    let standing = Standing::from_code(&standing).ok_or_else(|| AppError::BadRequest(format!("standing {standing:?}")))?;
    let db = crate::server::db()?;
    let mut answer = StandingAnswer { seller_id: id, ..Default::default() };
    match set_standing(&db, &admin, id, standing, reason.as_deref().unwrap_or_default(), chrono::Utc::now()).await {
        Ok(()) => answer.done = Some(standing),
        Err(StandingError::Reason(p)) => answer.problem = Some(p),
        Err(StandingError::Stale) => answer.stale = true,
        Err(StandingError::NotFound) => return Err(AppError::NotFound),
        Err(StandingError::Db(e)) => return Err(e.into()),
    }
    Ok(crate::accounts::api::server_side::again(answer, &format!("/{}/admin/sellers", lang.code())))
}

pub mod page {
    use super::{get_admin_sellers, SellerRow, SellersAdminPage, SetSellerStanding, Standing, StandingAnswer};
    use crate::admin::applications::AdminNav;
    use crate::catalog::SellerStatus;
    use crate::i18n::{country_name, fill, Lang};
    use crate::seo::NoIndex;
    use crate::ui::{href, loaded, use_lang};
    use leptos::form::ActionForm;
    use leptos::prelude::*;
    use leptos_meta::Title;
    use leptos_router::hooks::use_query_map;

    #[component]
    pub fn AdminSellersPage() -> impl IntoView {
        let query = use_query_map();
        let action = ServerAction::<SetSellerStanding>::new();
        let data = crate::wire::resource(
            move || {
                let q = query.read();
                (q.get("q").unwrap_or_default(), crate::catalog::paging::parse_page(q.get("page").as_deref()), action.version().get())
            },
            |(q, page, _)| get_admin_sellers(q, page),
        );
        view! { <NoIndex/>{loaded(data, move |page| view! { <Body page action/> })} }
    }

    #[component]
    fn Body(page: SellersAdminPage, action: ServerAction<SetSellerStanding>) -> impl IntoView {
        let lang = use_lang().get_untracked();
        let t = lang.texts();
        let at = crate::i18n::area::use_area_texts();
        let answer: Option<StandingAnswer> = action.value().get_untracked().and_then(Result::ok).or(page.answer.clone());
        let base = href(lang, "/admin/sellers");
        let q = page.q.clone();
        let pager_base = base.clone();
        view! {
            <Title text=format!("{} — {}", at.admin_sellers_title, t.site_name)/>
            <h1>{at.admin_sellers_title}</h1>
            <AdminNav lang/>
            {answer.map(|a| {
                let n = a.seller_id.to_string();
                let (class, text) = match (a.done, a.problem, a.stale) {
                    (Some(Standing::Suspend), ..) => ("notice", fill(at.admin_seller_suspended, &[("n", &n)])),
                    (Some(Standing::Reinstate), ..) => ("notice", fill(at.admin_seller_reinstated, &[("n", &n)])),
                    (_, Some(p), _) => ("notice error", format!("#{n}: {}", crate::sellers::onboarding::message(t, at, p))),
                    _ => ("notice error", fill(at.admin_seller_stale, &[("n", &n)])),
                };
                view! { <p class=class role="status" data-testid="admin-notice">{text}</p> }
            })}
            <form method="get" action=base.clone() class="filters" role="search">
                <div class="field">
                    <label for="admin-sellers-q">{at.admin_sellers_find}</label>
                    <input id="admin-sellers-q" name="q" type="search" value=q.clone()/>
                </div>
                <button type="submit">{t.search_button}</button>
            </form>
            <ul class="applications">
                {page.rows.into_iter().map(|s| view! { <Row lang seller=s action/> }).collect_view()}
            </ul>
            <crate::catalog::components::Pager page=page.page link=move |n| format!("{pager_base}?q={}&page={n}", crate::markup::query_value(&q))/>
        }
    }

    #[component]
    fn Row(lang: Lang, seller: SellerRow, action: ServerAction<SetSellerStanding>) -> impl IntoView {
        let t = lang.texts();
        let at = crate::i18n::area::use_area_texts();
        let s = seller;
        let id = s.id;
        let reason_id = format!("suspend-reason-{id}");
        view! {
            <li class="application" data-testid="admin-seller" data-seller-id=s.id data-status=match s.status {
                SellerStatus::Active => "active",
                SellerStatus::Pending => "pending",
                SellerStatus::Suspended => "suspended",
            }>
                <h2 class="h3">
                    <a href=href(lang, &format!("/sellers/{}", s.slug))>{s.name.clone()}</a>" "
                    <span class="muted">{format!("{} · {}", country_name(t, &s.country), fill(at.admin_seller_offers, &[("n", &s.offers.to_string())]))}</span>
                </h2>
                {match s.status {
                    SellerStatus::Suspended => view! {
                        <p class="notice error">{at.admin_seller_is_suspended}</p>
                        <ActionForm action attr:class="inline-form">
                            <input type="hidden" name="lang" value=lang.code()/>
                            <input type="hidden" name="id" value=id/>
                            <input type="hidden" name="standing" value=Standing::Reinstate.code()/>
                            <button type="submit">{at.admin_seller_reinstate}</button>
                        </ActionForm>
                    }.into_any(),
                    SellerStatus::Active => view! {
                        <details>
                            <summary>{at.admin_seller_suspend}</summary>
                            <ActionForm action attr:class="account-form decision-form">
                                <input type="hidden" name="lang" value=lang.code()/>
                                <input type="hidden" name="id" value=id/>
                                <input type="hidden" name="standing" value=Standing::Suspend.code()/>
                                <div class="field">
                                    <label for=reason_id.clone()>{at.admin_seller_suspend_reason}</label>
                                    <textarea id=reason_id name="reason" rows="2" maxlength=crate::sellers::onboarding::MESSAGE_MAX></textarea>
                                </div>
                                <button type="submit" class="danger">{at.admin_seller_suspend}</button>
                            </ActionForm>
                        </details>
                    }.into_any(),
                    SellerStatus::Pending => ().into_any(),
                }}
            </li>
        }
    }
}
