//! `/{lang}/seller/methods`: a seller's delivery methods — name, kind (parcel locker,
//! courier, cold courier, pickup), price, free-delivery threshold, the counties it reaches and
//! its delivery time in working days — added, changed, switched off. A change reprices the buy
//! box at once on every instance: the seller's products are marked changed in the same
//! transaction and each instance's change feed reloads the snapshot that holds the methods.

use super::offers::{parse_euros, parse_price, whole_number, OfferProblem};
use crate::delivery::{County, DeliveryKind};
use crate::errors::AppError;
use crate::wire::Wire;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

const NAME_MAX: usize = 60;
pub const DAYS_MAX: i32 = 30;

/// A method as the seller typed it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodForm {
    pub name: String,
    pub kind: String,
    pub price: String,
    /// Empty: never free.
    pub free_over: String,
    pub days_min: String,
    pub days_max: String,
    /// County codes; none: all of Estonia.
    pub regions: Vec<String>,
    pub active: bool,
}

/// A field of the method form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MethodField {
    Name,
    Kind,
    Price,
    FreeOver,
    Days,
    Regions,
}

/// A valid method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodTermsInput {
    pub name: String,
    pub kind: DeliveryKind,
    pub price_cents: i64,
    pub free_over_cents: Option<i64>,
    pub days_min: i32,
    pub days_max: i32,
    pub regions: Vec<County>,
    pub active: bool,
}

fn days(raw: &str) -> Result<i32, OfferProblem> {
    whole_number(raw, DAYS_MAX)
}

/// Checks a method, reporting every problem at once.
pub fn validate_method(form: &MethodForm) -> Result<MethodTermsInput, Vec<(MethodField, OfferProblem)>> {
    let mut errors = Vec::new();
    let name = form.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.chars().any(char::is_control) {
        errors.push((MethodField::Name, OfferProblem::Required));
    } else if name.chars().count() > NAME_MAX {
        errors.push((MethodField::Name, OfferProblem::TooHigh));
    }
    let kind = DeliveryKind::from_code(form.kind.trim());
    if kind.is_none() {
        errors.push((MethodField::Kind, OfferProblem::Required));
    }
    // A method may be free.
    let price = parse_euros(&form.price, 0).map_err(|p| errors.push((MethodField::Price, p))).ok();
    let free_over = if form.free_over.trim().is_empty() {
        Some(None)
    } else {
        parse_price(&form.free_over).map(Some).map_err(|p| errors.push((MethodField::FreeOver, p))).ok()
    };
    let min = days(&form.days_min).map_err(|p| errors.push((MethodField::Days, p))).ok();
    let max = if min.is_some() { days(&form.days_max).map_err(|p| errors.push((MethodField::Days, p))).ok() } else { None };
    if let (Some(a), Some(b)) = (min, max) {
        if b < a {
            errors.push((MethodField::Days, OfferProblem::TooLow));
        }
    }
    let mut regions = Vec::new();
    for code in &form.regions {
        match County::from_code(code) {
            Some(c) if !regions.contains(&c) => regions.push(c),
            Some(_) => {}
            None => {
                errors.push((MethodField::Regions, OfferProblem::NotANumber));
                break;
            }
        }
    }
    match (kind, price, free_over, min, max) {
        (Some(kind), Some(price_cents), Some(free_over_cents), Some(days_min), Some(days_max)) if errors.is_empty() => {
            Ok(MethodTermsInput { name, kind, price_cents, free_over_cents, days_min, days_max, regions, active: form.active })
        }
        _ => Err(errors),
    }
}

/// A kind's name.
pub fn kind_text(at: &crate::i18n::AreaTexts, k: DeliveryKind) -> &'static str {
    match k {
        DeliveryKind::ColdCourier => at.delivery_kind_cold_courier,
        DeliveryKind::Courier => at.delivery_kind_courier,
        DeliveryKind::ParcelLocker => at.delivery_kind_parcel_locker,
        DeliveryKind::Pickup => at.delivery_kind_pickup,
    }
}

/// One of the seller's methods as the page shows it (and its form is filled with).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodRow {
    pub id: i32,
    pub form: MethodForm,
}

/// What the last save answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodAnswer {
    /// The method's id, `None` for a new one.
    pub method: Option<i32>,
    pub errors: Vec<(MethodField, OfferProblem)>,
    pub typed: MethodForm,
    pub saved: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodsPage {
    pub rows: Vec<MethodRow>,
    pub answer: Option<MethodAnswer>,
}

#[cfg(feature = "ssr")]
pub mod service {
    use super::{validate_method, MethodField, MethodForm, MethodRow};
    use crate::sellers::offers::euros_for_input;
    use crate::db::entity::delivery_method;
    use crate::sellers::area::Member;
    use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set, TransactionSession, TransactionTrait};

    #[derive(Debug, thiserror::Error)]
    pub enum MethodError {
        #[error("invalid: {0:?}")]
        Invalid(Vec<(MethodField, crate::sellers::offers::OfferProblem)>),
        #[error("not found")]
        NotFound,
        #[error(transparent)]
        Db(#[from] DbErr),
    }

    /// The seller's methods, oldest first.
    pub async fn methods<C: ConnectionTrait>(db: &C, me: &Member) -> Result<Vec<MethodRow>, DbErr> {
        let lang = crate::i18n::Lang::Et;
        Ok(delivery_method::Entity::find()
            .filter(delivery_method::Column::SellerId.eq(me.seller_id()))
            .order_by_asc(delivery_method::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|m| MethodRow {
                id: m.id,
                form: MethodForm {
                    name: crate::offers::service::localized(&m.name, lang),
                    kind: m.kind.code().to_owned(),
                    price: euros_for_input(m.price_cents),
                    free_over: m.free_over_cents.map(euros_for_input).unwrap_or_default(),
                    days_min: m.days_min.to_string(),
                    days_max: m.days_max.to_string(),
                    regions: serde_json::from_str(&m.regions).unwrap_or_default(),
                    active: m.active,
                },
            })
            .collect())
    }

    /// Adds a method (`id` `None`) or changes one of the seller's; its offers' products are
    /// marked changed so every buy box follows.
    pub async fn save<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        me: &Member,
        id: Option<i32>,
        form: &MethodForm,
    ) -> Result<i32, MethodError> {
        let existing = match id {
            Some(id) => Some(
                delivery_method::Entity::find_by_id(id)
                    .filter(delivery_method::Column::SellerId.eq(me.seller_id()))
                    .one(db)
                    .await?
                    .ok_or(MethodError::NotFound)?,
            ),
            None => None,
        };
        let m = validate_method(form).map_err(MethodError::Invalid)?;
        let name = serde_json::json!({ "et": m.name, "en": m.name, "ru": m.name }).to_string();
        let regions = serde_json::to_string(&m.regions.iter().map(|c| c.code()).collect::<Vec<_>>()).unwrap_or_else(|_| "[]".into());
        let txn = crate::db::begin(db).await?;
        let mut row = match existing {
            Some(e) => e.into(),
            None => delivery_method::ActiveModel { seller_id: Set(me.seller_id()), ..Default::default() },
        };
        row.name = Set(name);
        row.kind = Set(m.kind);
        row.price_cents = Set(m.price_cents);
        row.free_over_cents = Set(m.free_over_cents);
        row.regions = Set(regions);
        row.days_min = Set(m.days_min);
        row.days_max = Set(m.days_max);
        row.active = Set(m.active);
        let saved = match id {
            Some(_) => row.update(&txn).await?,
            None => row.insert(&txn).await?,
        };
        crate::catalog::changes::touch_seller_products(&txn, me.seller_id()).await?;
        txn.commit().await?;
        Ok(saved.id)
    }
}

#[server(prefix = "/api", endpoint = "seller_methods", output = Wire)]
pub async fn get_methods() -> Result<MethodsPage, AppError> {
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let answer = crate::accounts::api::server_side::take_flash();
    Ok(MethodsPage { rows: service::methods(&db, &me).await?, answer })
}

#[server(prefix = "/api", endpoint = "seller_save_method", output = Wire)]
#[allow(clippy::too_many_arguments)]
pub async fn save_method(
    lang: String,
    #[server(default)] id: Option<i32>,
    name: String,
    kind: String,
    price: String,
    #[server(default)] free_over: Option<String>,
    days_min: String,
    days_max: String,
    #[server(default)] regions: Vec<String>,
    #[server(default)] active: Option<String>,
) -> Result<MethodAnswer, AppError> {
    use service::{save, MethodError};
    let lang = crate::i18n::Lang::from_code(&lang).unwrap_or_default();
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let typed = MethodForm {
        name: name.chars().take(200).collect(),
        kind,
        price: price.chars().take(40).collect(),
        free_over: free_over.unwrap_or_default().chars().take(40).collect(),
        days_min: days_min.chars().take(10).collect(),
        days_max: days_max.chars().take(10).collect(),
        regions: regions.into_iter().take(20).collect(),
        active: active.is_some(),
    };
    let mut answer = MethodAnswer { method: id, ..Default::default() };
    match save(&db, &me, id, &typed).await {
        Ok(saved) => {
            answer.saved = true;
            answer.method = Some(saved);
        }
        Err(MethodError::Invalid(errors)) => {
            answer.errors = errors;
            answer.typed = typed;
        }
        Err(MethodError::NotFound) => return Err(AppError::NotFound),
        Err(MethodError::Db(e)) => return Err(e.into()),
    }
    Ok(crate::accounts::api::server_side::again(answer, &format!("/{}/seller/methods", lang.code())))
}

pub mod page {
    use super::{get_methods, kind_text, MethodAnswer, MethodField, MethodForm, MethodsPage, SaveMethod};
    use crate::delivery::{County, DeliveryKind};
    use crate::i18n::{county_name, Lang};
    use crate::sellers::offer_pages::SellerNav;
    use crate::sellers::offers::problem_text;
    use crate::seo::NoIndex;
    use crate::ui::{loaded, use_lang};
    use leptos::form::ActionForm;
    use leptos::prelude::*;
    use leptos_meta::Title;

    #[component]
    pub fn SellerMethodsPage() -> impl IntoView {
        let action = ServerAction::<SaveMethod>::new();
        let data = crate::wire::resource(move || action.version().get(), |_| get_methods());
        view! { <NoIndex/>{loaded(data, move |page| view! { <Body page action/> })} }
    }

    #[component]
    fn Body(page: MethodsPage, action: ServerAction<SaveMethod>) -> impl IntoView {
        let lang = use_lang().get_untracked();
        let t = lang.texts();
        let at = crate::i18n::area::use_area_texts();
        let answer: Option<MethodAnswer> = action.value().get_untracked().and_then(Result::ok).or(page.answer.clone());
        // The form that had problems shows what was typed; the others what is stored.
        let failed = answer.as_ref().filter(|a| !a.errors.is_empty()).cloned();
        let form_for = |id: Option<i32>, stored: MethodForm| match &failed {
            Some(a) if a.method == id => (a.typed.clone(), Some(a.clone())),
            _ => (stored, None),
        };
        let (new_form, new_answer) = form_for(None, MethodForm { kind: "courier".into(), days_min: "1".into(), days_max: "2".into(), active: true, ..Default::default() });
        view! {
            <Title text=format!("{} — {}", at.seller_methods_title, t.site_name)/>
            <h1>{at.seller_methods_title}</h1>
            <SellerNav lang/>
            {answer.as_ref().filter(|a| a.saved).map(|_| view! { <p class="notice" role="status" data-testid="method-notice">{at.seller_method_saved}</p> })}
            {failed.as_ref().map(|_| view! { <p class="notice error" role="alert" data-testid="form-error">{at.sell_fix_errors}</p> })}
            {page.rows.is_empty().then(|| view! { <p>{at.seller_methods_none}</p> })}
            <ul class="applications">
                {page.rows.into_iter().map(|r| {
                    let (form, answer) = form_for(Some(r.id), r.form.clone());
                    view! {
                        <li class="application" data-testid="seller-method" data-method-id=r.id>
                            <h2>{r.form.name.clone()}</h2>
                            <MethodFormView lang id=Some(r.id) form answer action/>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h2>{at.seller_method_new}</h2>
            <MethodFormView lang id=None form=new_form answer=new_answer action/>
        }
    }

    #[component]
    fn MethodFormView(lang: Lang, id: Option<i32>, form: MethodForm, answer: Option<MethodAnswer>, action: ServerAction<SaveMethod>) -> impl IntoView {
        let t = lang.texts();
        let at = crate::i18n::area::use_area_texts();
        let prefix = id.map(|i| format!("m{i}")).unwrap_or_else(|| "mnew".into());
        let problem = move |f: MethodField| answer.as_ref().and_then(|a| a.errors.iter().find(|(g, _)| *g == f).map(|(_, p)| *p));
        let regions_error = problem(MethodField::Regions);
        let kind_id = format!("{prefix}-kind");
        let active_id = format!("{prefix}-active");
        let region_prefix = prefix.clone();
        let field = move |f: MethodField, name: &'static str, label: &'static str, value: String, mode: &'static str| {
            let input_id = format!("{prefix}-{name}");
            let error_id = format!("{input_id}-error");
            let p = problem(f);
            view! {
                <div class="field">
                    <label for=input_id.clone()>{label}</label>
                    <input id=input_id.clone() name=name type="text" inputmode=mode value=value autocomplete="off"
                        aria-invalid=p.map(|_| "true") aria-describedby=p.map(|_| error_id.clone())/>
                    {p.map(|p| view! { <p class="field-error" id=error_id.clone()>{problem_text(t, at, p)}</p> })}
                </div>
            }
        };
        view! {
            <ActionForm action attr:class="account-form method-form" attr:novalidate=true>
                <input type="hidden" name="lang" value=lang.code()/>
                {id.map(|i| view! { <input type="hidden" name="id" value=i/> })}
                {field(MethodField::Name, "name", at.seller_method_name, form.name.clone(), "text")}
                <div class="field">
                    <label for=kind_id.clone()>{at.seller_method_kind}</label>
                    <select id=kind_id name="kind">
                        {DeliveryKind::ALL.into_iter().map(|k| view! { <option value=k.code() selected={form.kind == k.code()}>{kind_text(at, k)}</option> }).collect_view()}
                    </select>
                </div>
                {field(MethodField::Price, "price", at.seller_method_price, form.price.clone(), "decimal")}
                {field(MethodField::FreeOver, "free_over", at.seller_method_free_over, form.free_over.clone(), "decimal")}
                {field(MethodField::Days, "days_min", at.seller_method_days_min, form.days_min.clone(), "numeric")}
                {field(MethodField::Days, "days_max", at.seller_method_days_max, form.days_max.clone(), "numeric")}
                <fieldset class="regions">
                    <legend>{at.seller_method_regions}</legend>
                    {County::ALL.into_iter().enumerate().map(|(i, c)| {
                        let cid = format!("{region_prefix}-region-{}", c.code());
                        view! {
                            <span class="field checkbox region">
                                <input id=cid.clone() type="checkbox" name=format!("regions[{i}]") value=c.code() checked=form.regions.iter().any(|r| r == c.code())/>
                                <label for=cid>{county_name(t, c)}</label>
                            </span>
                        }
                    }).collect_view()}
                    {regions_error.map(|p| view! { <p class="field-error">{problem_text(t, at, p)}</p> })}
                </fieldset>
                <div class="field checkbox">
                    <input id=active_id.clone() type="checkbox" name="active" value="yes" checked=form.active/>
                    <label for=active_id>{at.seller_method_active}</label>
                </div>
                <button type="submit" class="primary">{at.seller_method_save}</button>
            </ActionForm>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> MethodForm {
        MethodForm {
            name: " Omniva  pakiautomaat ".into(),
            kind: "parcel_locker".into(),
            price: "2,99".into(),
            free_over: "35".into(),
            days_min: "1".into(),
            days_max: "3".into(),
            regions: vec!["harju".into(), "tartu".into(), "harju".into()],
            active: true,
        }
    }

    #[test]
    fn a_method_is_checked_and_normalised() {
        let m = validate_method(&form()).unwrap();
        assert_eq!(m.name, "Omniva pakiautomaat");
        assert_eq!((m.kind, m.price_cents, m.free_over_cents), (DeliveryKind::ParcelLocker, 299, Some(3500)));
        assert_eq!(m.regions, vec![County::Harju, County::Tartu]);
        let free = validate_method(&MethodForm { price: "0".into(), free_over: "".into(), regions: vec![], ..form() }).unwrap();
        assert_eq!((free.price_cents, free.free_over_cents, free.regions.len()), (0, None, 0));
    }

    #[test]
    fn every_problem_is_reported() {
        let bad = MethodForm {
            name: " ".into(),
            kind: "drone".into(),
            price: "x".into(),
            free_over: "-1".into(),
            days_min: "3".into(),
            days_max: "1".into(),
            regions: vec!["atlantis".into()],
            active: true,
        };
        let fields: Vec<MethodField> = validate_method(&bad).unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            vec![MethodField::Name, MethodField::Kind, MethodField::Price, MethodField::FreeOver, MethodField::Days, MethodField::Regions]
        );
        assert_eq!(validate_method(&MethodForm { days_max: "31".into(), ..form() }).unwrap_err(), vec![(MethodField::Days, OfferProblem::TooHigh)]);
    }
}
