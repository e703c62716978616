//! The seller area `/{lang}/seller`, for the accounts that act for a seller. Every server
//! function of the area takes [`member`] first: 401 when signed out, 403 for an account that
//! acts for no seller; what it reads and changes is then the member's own seller's only.

use crate::catalog::SellerStatus;
use crate::errors::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use crate::wire::Wire;

/// The seller area's home: the company as the shop knows it, and who acts for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerHome {
    pub name: String,
    pub slug: String,
    pub status: SellerStatus,
    pub requisites: super::Requisites,
    /// Grouped by four for reading.
    pub iban: String,
    pub contact_name: String,
    /// The members' e-mails, the signed-in one first.
    pub members: Vec<String>,
}

#[cfg(feature = "ssr")]
pub use guard::{for_account, member, Member};

#[cfg(feature = "ssr")]
mod guard {
    use crate::db::entity::seller;
    use crate::errors::AppError;
    use sea_orm::ConnectionTrait;

    /// Proof that the request is from an account acting for `seller` (made only by [`member`]).
    #[derive(Clone, Debug)]
    pub struct Member {
        user_id: i32,
        seller: seller::Model,
    }

    impl Member {
        pub fn user_id(&self) -> i32 {
            self.user_id
        }

        pub fn seller(&self) -> &seller::Model {
            &self.seller
        }

        pub fn seller_id(&self) -> i32 {
            self.seller.id
        }
    }

    /// The request's account when it acts for a seller: 401 when signed out, 403 otherwise.
    pub async fn member<C: ConnectionTrait>(db: &C) -> Result<Member, AppError> {
        let who = crate::accounts::visitor::signed_in()?;
        for_account(db, who.user_id()).await?.ok_or(AppError::Forbidden)
    }

    /// The guard for an account (a live session's, resolved by the caller: tests).
    pub async fn for_account<C: ConnectionTrait>(db: &C, user_id: i32) -> Result<Option<Member>, sea_orm::DbErr> {
        Ok(crate::sellers::applications::member_of(db, user_id).await?.map(|seller| Member { user_id, seller }))
    }
}

/// The seller area's home.
#[server(prefix = "/api", endpoint = "seller_home", output = Wire)]
pub async fn get_seller_home() -> Result<SellerHome, AppError> {
    use crate::db::entity::seller_member;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    let db = crate::server::db()?;
    let me = member(&db).await?;
    let s = me.seller();
    let ids: Vec<i32> = seller_member::Entity::find()
        .select_only()
        .column(seller_member::Column::UserId)
        .filter(seller_member::Column::SellerId.eq(s.id))
        .order_by_asc(seller_member::Column::Id)
        .into_tuple()
        .all(&db)
        .await?;
    let emails = crate::accounts::service::emails_of(&db, ids.iter().copied()).await?;
    let mut members: Vec<(i32, String)> = ids.iter().filter_map(|id| emails.get(id).map(|e| (*id, e.clone()))).collect();
    members.sort_by_key(|(id, _)| *id != me.user_id());
    Ok(SellerHome {
        name: s.name.clone(),
        slug: s.slug.clone(),
        status: s.status,
        requisites: super::Requisites {
            legal_name: s.legal_name.clone(),
            registry_code: s.registry_code.clone(),
            vat_number: s.vat_number.clone(),
            street: s.street.clone(),
            city: s.city.clone(),
            postal_code: s.postal_code.clone(),
            country: s.country.clone(),
            email: s.email.clone(),
            phone: s.phone.clone(),
        },
        iban: super::company::format_iban(&s.iban),
        contact_name: s.contact_name.clone(),
        members: members.into_iter().map(|(_, e)| e).collect(),
    })
}

/// `/{lang}/sell` and every page under `/{lang}/seller/…`, by the address (one lazy route; see
/// `lib.rs`); an unknown one is "not found".
#[component]
pub fn SellerArea() -> impl IntoView {
    use super::{methods::page::SellerMethodsPage, offer_pages, sell_page::SellPage, shipment_pages::SellerShipmentsPage};
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    let parts: Vec<&str> = path.trim_matches('/').split('/').skip(1).collect();
    match parts.as_slice() {
        ["sell"] => view! { <SellPage/> }.into_any(),
        ["seller"] => view! { <SellerAreaPage/> }.into_any(),
        ["seller", "offers"] => view! { <offer_pages::SellerOffersPage/> }.into_any(),
        ["seller", "offers", "new"] => view! { <offer_pages::NewOfferPage/> }.into_any(),
        ["seller", "offers", _] => view! { <offer_pages::EditOfferPage/> }.into_any(),
        ["seller", "shipments"] => view! { <SellerShipmentsPage/> }.into_any(),
        ["seller", "methods"] => view! { <SellerMethodsPage/> }.into_any(),
        ["seller", "messages"] => view! { <crate::messages::pages::SellerThreadsPage/> }.into_any(),
        ["seller", "messages", _] => view! { <crate::messages::pages::SellerThreadPage/> }.into_any(),
        ["seller", "profile"] => view! { <super::profile_pages::SellerProfilePage/> }.into_any(),
        ["seller", "team"] => view! { <super::team_pages::SellerTeamPage/> }.into_any(),
        ["seller", "join"] => view! { <super::team_pages::SellerJoinPage/> }.into_any(),
        ["seller", "imports"] => view! { <super::import_pages::SellerImportsPage/> }.into_any(),
        ["seller", "imports", _] => view! { <super::import_pages::SellerImportPage/> }.into_any(),
        _ => view! { <crate::ui::NotFoundBody/> }.into_any(),
    }
}

/// `/{lang}/seller`: the company, its requisites and its people.
#[component]
pub fn SellerAreaPage() -> impl IntoView {
    use crate::seo::NoIndex;
    use crate::ui::loaded;
    let data = crate::wire::resource(|| (), |_| get_seller_home());
    // Kept out of the index: a seller's own pages.
    view! { <NoIndex/>{loaded(data, |home| view! { <SellerHomeBody home/> })} }
}

#[component]
fn SellerHomeBody(home: SellerHome) -> impl IntoView {
    use crate::i18n::{country_name, fill};
    use crate::ui::{href, use_lang};
    use leptos_meta::Title;
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let at = crate::i18n::area::use_area_texts();
    let r = &home.requisites;
    let status = match home.status {
        SellerStatus::Active => at.seller_status_active,
        SellerStatus::Pending => at.apply_status_submitted,
        SellerStatus::Suspended => at.seller_status_suspended,
    };
    let rows: Vec<(&'static str, String)> = vec![
        (at.sell_company_name, r.legal_name.clone()),
        (at.sell_country, country_name(t, &r.country)),
        (at.sell_registry_code, r.registry_code.clone()),
        (at.sell_vat_number, if r.vat_number.is_empty() { "—".into() } else { r.vat_number.clone() }),
        (at.sell_address, format!("{}, {} {}", r.street, r.postal_code, r.city)),
        (at.sell_contact_name, if home.contact_name.is_empty() { "—".into() } else { home.contact_name.clone() }),
        (t.checkout_email, r.email.clone()),
        (t.checkout_phone, r.phone.clone()),
        (at.sell_iban, if home.iban.is_empty() { "—".into() } else { home.iban.clone() }),
    ];
    view! {
        <Title text=format!("{} — {}", at.seller_area_title, t.site_name)/>
        <h1>{at.seller_area_title}</h1>
        <crate::sellers::offer_pages::SellerNav lang/>
        <p class="lead" data-testid="seller-area-name">{fill(at.seller_area_for, &[("seller", &home.name)])}</p>
        <p data-testid="seller-area-status" class={if home.status == SellerStatus::Suspended { "notice error" } else { "notice" }}>
            {status}" · "<a href=href(lang, &format!("/sellers/{}", home.slug))>{at.admin_seller_profile}</a>
        </p>
        <section aria-labelledby="seller-requisites">
            <h2 id="seller-requisites">{at.seller_area_requisites}</h2>
            <div class="requisites"><dl>{rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}</dl></div>
        </section>
        <section aria-labelledby="seller-team">
            <h2 id="seller-team">{at.seller_area_team}</h2>
            <ul data-testid="seller-members">{home.members.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
        </section>
    }
}
