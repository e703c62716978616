//! The account pages under `/{lang}/account`: the account home, sign in, register, confirm the
//! address, forgot password, reset it, and "My orders". Every form is an `ActionForm`: without
//! JavaScript it posts and comes back (errors next to their fields, the e-mail and name as
//! typed, passwords never); hydrated it shows the same in place. Kept out of search engines:
//! they are personal or forms.

use super::api::{
    get_account, get_consents, get_my_orders, get_profile, AddAddress, ChangeEmail, ClaimOrders, Confirm, ConfirmEmailChange,
    DeleteAccount, Forgot, Register, RemoveAddress, Reset, SaveProfile, SignIn, SignOut,
};
use super::{message, notice_text, AccountPage as PageData, ConsentKind, Field, FormState, MyOrders, Role};
use crate::orders::OrderStatus;
use crate::ui::loaded;
use crate::i18n::{fill, format_date, format_price, Texts};
use crate::ui::{href, use_lang};
use crate::seo::NoIndex;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Every page under `/{lang}/account`, by the last part of the address (one lazy route). The
/// address is read once: the router makes a new view for each of the account routes, and a
/// view that also followed the address would build the next page twice (and the first build
/// would use up the flash cookie its data reads).
#[component]
pub fn AccountArea() -> impl IntoView {
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    {
        match path.trim_end_matches('/').rsplit('/').next().unwrap_or("") {
            "signin" => view! { <SignInPage/> }.into_any(),
            "register" => view! { <RegisterPage/> }.into_any(),
            "confirm" => view! { <ConfirmPage/> }.into_any(),
            "forgot" => view! { <ForgotPage/> }.into_any(),
            "reset" => view! { <ResetPage/> }.into_any(),
            "orders" => view! { <MyOrdersPage/> }.into_any(),
            "profile" => view! { <ProfilePage/> }.into_any(),
            "email" => view! { <EmailPage/> }.into_any(),
            "delete" => view! { <DeletePage/> }.into_any(),
            "data" => view! { <DataPage/> }.into_any(),
            _ => view! { <AccountHomePage/> }.into_any(),
        }
    }
}

/// The head and `<h1>` of an account page.
fn heading(t: &'static Texts, title: &'static str) -> impl IntoView {
    view! {
        <Title text=format!("{title} — {}", t.site_name)/>
        <h1>{title}</h1>
    }
}

/// What the form shows now: the answer of a hydrated post, else what a plain post left.
fn shown<A>(action: ServerAction<A>, flash: Option<FormState>) -> Memo<FormState>
where
    A: ServerFn<Output = FormState, Error = crate::errors::AppError> + Clone + Send + Sync + 'static,
    A::Output: Send + Sync + 'static,
{
    Memo::new(move |_| match action.value().get() {
        Some(Ok(state)) => state,
        _ => flash.clone().unwrap_or_default(),
    })
}

/// The notice or the whole-form error above a form, and a failure of the request itself.
fn form_messages<A>(t: &'static Texts, state: Memo<FormState>, action: ServerAction<A>) -> impl IntoView
where
    A: ServerFn<Output = FormState, Error = crate::errors::AppError> + Clone + Send + Sync + 'static,
{
    view! {
        {move || state.get().notice.map(|n| view! { <p class="notice" role="status" data-testid="account-notice">{notice_text(t, n)}</p> })}
        {move || state.get().form_error.map(|p| view! { <p class="notice error" role="alert" data-testid="form-error">{message(t, p)}</p> })}
        {move || action.value().get().and_then(Result::err).map(|e| view! { <p class="notice error" role="alert">{e.message(t)}</p> })}
    }
}

/// A labelled input with its error beneath it (and tied to it for screen readers).
fn input(
    t: &'static Texts,
    state: Memo<FormState>,
    field: Field,
    label: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    value: impl Fn(&FormState) -> String + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let id = format!("acc-{}", field.code());
    let error_id = format!("{id}-error");
    let error = move || state.get().error(field);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id.clone()
                name=field.code()
                type=kind
                autocomplete=autocomplete
                required=true
                prop:value=move || value(&state.get())
                value=move || value(&state.get())
                aria-invalid=move || error().map(|_| "true")
                aria-describedby={
                    let error_id = error_id.clone();
                    move || error().map(|_| error_id.clone())
                }
            />
            {move || error().map(|p| view! { <p class="field-error" id=error_id.clone()>{message(t, p)}</p> })}
        </div>
    }
}

fn email_value(s: &FormState) -> String {
    s.email.clone()
}

fn no_value(_: &FormState) -> String {
    String::new()
}

/// `/{lang}/account`: the account's menu when signed in, else the sign-in form.
#[component]
pub fn AccountHomePage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| get_account());
    view! {
        <NoIndex/>
        {loaded(data, |page: PageData| match page.account.clone() {
            Some(_) => view! { <AccountMenu page/> }.into_any(),
            None => view! { <SignInBody page/> }.into_any(),
        })}
    }
}

#[component]
fn AccountMenu(page: PageData) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let account = page.account.clone().expect("signed in");
    let sign_out = ServerAction::<SignOut>::new();
    let who = if account.name.is_empty() { account.email.clone() } else { account.name.clone() };
    let pantry = crate::wire::resource(|| (), |_| crate::pantry::api::get_pantry_summary());
    view! {
        {heading(t, t.account_title)}
        <p data-testid="signed-in-as">{fill(t.account_signed_in_as, &[("who", &who)])}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                pantry.await.ok().filter(|s| s.units > 0).map(|s| {
                    let date = s.soonest.map(|d| crate::i18n::format_date(d, lang)).unwrap_or_default();
                    view! {
                        <p data-testid="account-pantry">
                            <a href=href(lang, "/pantry")>{t.account_pantry}</a>": "
                            {fill(t.account_pantry_summary, &[("units", &s.units.to_string()), ("products", &s.products.to_string()), ("date", &date)])}
                        </p>
                    }
                })
            })}
        </Suspense>
        <nav aria-label=t.account_title>
            <ul class="account-menu">
                <li><a href=href(lang, "/account/orders")>{t.account_my_orders}</a></li>
                <li><a href=href(lang, "/pantry")>{t.account_pantry}</a></li>
                <li><a href=href(lang, "/help/cases")>{t.account_cases}</a></li>
                <li><a href=href(lang, "/account/profile")>{t.account_profile}</a></li>
                <li><a href=href(lang, "/account/data")>{t.account_my_data}</a></li>
                <li><a href=href(lang, "/cart")>{t.nav_cart}</a></li>
                {account.roles.contains(&Role::Administrator).then(|| view! {
                    <li><a href=href(lang, "/admin/outbox")>{t.account_admin}</a></li>
                })}
            </ul>
        </nav>
        <ActionForm action=sign_out attr:class="inline-form">
            <input type="hidden" name="lang" value=lang.code()/>
            <button type="submit">{t.account_sign_out}</button>
        </ActionForm>
        <ActionForm action=sign_out attr:class="inline-form">
            <input type="hidden" name="lang" value=lang.code()/>
            <input type="hidden" name="everywhere" value="yes"/>
            <button type="submit">{t.account_sign_out_everywhere}</button>
        </ActionForm>
    }
}

/// `/{lang}/account/signin`.
#[component]
pub fn SignInPage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| get_account());
    view! { <NoIndex/>{loaded(data, |page| view! { <SignInBody page/> })} }
}

#[component]
fn SignInBody(page: PageData) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let query = use_query_map();
    let next = query.read_untracked().get("next").unwrap_or_default();
    let action = ServerAction::<SignIn>::new();
    let state = shown(action, page.flash);
    view! {
        {heading(t, t.account_sign_in)}
        {page.account.map(|a| view! { <p class="notice" role="status">{fill(t.account_signed_in_as, &[("who", &a.email)])}</p> })}
        <ActionForm action attr:class="account-form" attr:novalidate=true>
            {form_messages(t, state, action)}
            <input type="hidden" name="lang" value=lang.code()/>
            <input type="hidden" name="next" value=next/>
            {input(t, state, Field::Email, t.account_email, "email", "username", email_value)}
            {input(t, state, Field::Password, t.account_password, "password", "current-password", no_value)}
            <div class="field checkbox">
                <input id="acc-remember" type="checkbox" name="remember" value="yes"/>
                <label for="acc-remember">{t.account_remember}</label>
            </div>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{t.account_sign_in}</button>
        </ActionForm>
        <p><a href=href(lang, "/account/forgot")>{t.account_forgot_link}</a></p>
        <p>{t.account_no_account}" "<a href=href(lang, "/account/register")>{t.account_register}</a></p>
    }
}

/// `/{lang}/account/register`.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| get_account());
    view! { <NoIndex/>{loaded(data, |page| view! { <RegisterBody page/> })} }
}

#[component]
fn RegisterBody(page: PageData) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let action = ServerAction::<Register>::new();
    let state = shown(action, page.flash);
    view! {
        {heading(t, t.account_register)}
        <ActionForm action attr:class="account-form" attr:novalidate=true>
            {form_messages(t, state, action)}
            <input type="hidden" name="lang" value=lang.code()/>
            {input(t, state, Field::Email, t.account_email, "email", "email", email_value)}
            <div class="field">
                <label for="acc-name">{t.account_name}</label>
                <input id="acc-name" name="name" type="text" autocomplete="name"
                    prop:value=move || state.get().name value=move || state.get().name
                    aria-invalid=move || state.get().error(Field::Name).map(|_| "true")/>
                {move || state.get().error(Field::Name).map(|p| view! { <p class="field-error">{message(t, p)}</p> })}
            </div>
            {input(t, state, Field::Password, t.account_new_password, "password", "new-password", no_value)}
            <p class="muted">{fill(t.account_password_hint, &[("min", &super::rules::PASSWORD_MIN_CHARS.to_string())])}</p>
            <p class="muted">{t.account_terms_notice}</p>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{t.account_register}</button>
        </ActionForm>
        <p>{t.account_have_account}" "<a href=href(lang, "/account/signin")>{t.account_sign_in}</a></p>
    }
}

/// `/{lang}/account/confirm`.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| get_account());
    view! { <NoIndex/>{loaded(data, |page| view! { <ConfirmBody page/> })} }
}

#[component]
fn ConfirmBody(page: PageData) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let action = ServerAction::<Confirm>::new();
    let state = shown(action, page.flash);
    view! {
        {heading(t, t.account_confirm_title)}
        <p>{t.account_confirm_intro}</p>
        <ActionForm action attr:class="account-form" attr:novalidate=true>
            {form_messages(t, state, action)}
            <input type="hidden" name="lang" value=lang.code()/>
            {input(t, state, Field::Email, t.account_email, "email", "email", email_value)}
            {input(t, state, Field::Code, t.account_code, "text", "one-time-code", no_value)}
            <button type="submit" class="primary" disabled=move || action.pending().get()>{t.account_confirm_submit}</button>
        </ActionForm>
        <p class="muted">{t.account_confirm_again}" "<a href=href(lang, "/account/signin")>{t.account_sign_in}</a></p>
    }
}

/// `/{lang}/account/forgot`.
#[component]
pub fn ForgotPage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| get_account());
    view! { <NoIndex/>{loaded(data, |page| view! { <ForgotBody page/> })} }
}

#[component]
fn ForgotBody(page: PageData) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let action = ServerAction::<Forgot>::new();
    let state = shown(action, page.flash);
    view! {
        {heading(t, t.account_forgot_title)}
        <p>{fill(t.account_forgot_intro, &[("minutes", &super::rules::CODE_VALID_FOR.num_minutes().to_string())])}</p>
        <ActionForm action attr:class="account-form" attr:novalidate=true>
            {form_messages(t, state, action)}
            <input type="hidden" name="lang" value=lang.code()/>
            {input(t, state, Field::Email, t.account_email, "email", "email", email_value)}
            <button type="submit" class="primary" disabled=move || action.pending().get()>{t.account_forgot_submit}</button>
        </ActionForm>
        <p><a href=href(lang, "/account/reset")>{t.account_have_code}</a></p>
    }
}

/// `/{lang}/account/reset`.
#[component]
pub fn ResetPage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| get_account());
    view! { <NoIndex/>{loaded(data, |page| view! { <ResetBody page/> })} }
}

#[component]
fn ResetBody(page: PageData) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let action = ServerAction::<Reset>::new();
    let state = shown(action, page.flash);
    view! {
        {heading(t, t.account_reset_title)}
        <ActionForm action attr:class="account-form" attr:novalidate=true>
            {form_messages(t, state, action)}
            <input type="hidden" name="lang" value=lang.code()/>
            {input(t, state, Field::Email, t.account_email, "email", "email", email_value)}
            {input(t, state, Field::Code, t.account_code, "text", "one-time-code", no_value)}
            {input(t, state, Field::Password, t.account_new_password, "password", "new-password", no_value)}
            <p class="muted">{fill(t.account_password_hint, &[("min", &super::rules::PASSWORD_MIN_CHARS.to_string())])}</p>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{t.account_reset_submit}</button>
        </ActionForm>
    }
}

/// `/{lang}/account/orders`: the account's orders, newest first (sign in first).
#[component]
pub fn MyOrdersPage() -> impl IntoView {
    let lang = use_lang();
    // Hydrated, claiming guest orders loads the list again.
    let claim = ServerAction::<ClaimOrders>::new();
    let data = crate::wire::resource(move || (lang.get(), claim.version().get()), |(lang, _)| get_my_orders(lang));
    view! { <NoIndex/>{loaded(data, move |orders| view! { <MyOrdersBody orders claim/> })} }
}

#[component]
fn MyOrdersBody(orders: MyOrders, claim: ServerAction<ClaimOrders>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let status = move |s: OrderStatus| match s {
        OrderStatus::Paid => t.payment_paid,
        OrderStatus::Cancelled => t.account_order_cancelled,
        OrderStatus::AwaitingPayment => t.payment_pending,
    };
    let MyOrders { orders, claimable } = orders;
    view! {
        {heading(t, t.account_my_orders)}
        {(claimable > 0).then(|| view! {
            <ActionForm action=claim attr:class="notice claim-orders">
                <input type="hidden" name="lang" value=lang.code()/>
                <p>{fill(t.account_claim_text, &[("n", &claimable.to_string())])}</p>
                <button type="submit">{t.account_claim_submit}</button>
            </ActionForm>
        })}
        {if orders.is_empty() {
            view! { <p>{t.account_no_orders}</p> }.into_any()
        } else {
            view! {
                <ul class="my-orders">
                    {orders
                        .into_iter()
                        .map(|o| {
                            let title = fill(t.order_title, &[("n", &o.id.to_string())]);
                            view! {
                                <li data-testid="my-order">
                                    <a href=href(lang, &format!("/orders/{}", o.id))>{title}</a>
                                    " · "{format_date(crate::delivery::local_time::to_tallinn(o.placed_at).date(), lang)}
                                    " · "{status(o.status)}
                                    " · "{format_price(o.total_cents, lang)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

/// `/{lang}/account/profile`: name, phone, language and saved addresses.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let save = ServerAction::<SaveProfile>::new();
    let add = ServerAction::<AddAddress>::new();
    let remove = ServerAction::<RemoveAddress>::new();
    let data = crate::wire::resource(
        move || (save.version().get(), add.version().get(), remove.version().get()),
        |_| get_profile(),
    );
    view! { <NoIndex/>{loaded(data, move |page| view! { <ProfileBody page save add remove/> })} }
}

#[component]
fn ProfileBody(
    page: super::ProfilePage,
    save: ServerAction<SaveProfile>,
    add: ServerAction<AddAddress>,
    remove: ServerAction<RemoveAddress>,
) -> impl IntoView {
    use crate::checkout::validate::{message as field_message, Field as F};
    use crate::delivery::County;
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let super::ProfilePage { profile, answer } = page;
    // The latest answer: a hydrated action's, else what a plain post left.
    let latest = Memo::new(move |_| {
        [save.value().get(), add.value().get(), remove.value().get()]
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .next()
            .or_else(|| answer.clone())
    });
    let error = move |f: F| latest.get().and_then(|a| a.errors.iter().find(|e| e.field == f).map(|e| field_message(t, e.problem)));
    let field = move |f: F, id: &'static str, label: &'static str, value: String, autocomplete: &'static str| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id name=f.code() type="text" value=value autocomplete=autocomplete aria-invalid=move || error(f).map(|_| "true")/>
                {move || error(f).map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
        }
    };
    view! {
        {heading(t, t.account_profile)}
        {move || latest.get().filter(|a| a.saved).map(|_| view! { <p class="notice" role="status" data-testid="account-notice">{t.account_saved}</p> })}
        <p>{fill(t.account_email_is, &[("email", &profile.email)])}" "<a href=href(lang, "/account/email")>{t.account_change_email}</a></p>
        <ActionForm action=save attr:class="account-form">
            <input type="hidden" name="lang" value=lang.code()/>
            {field(F::Name, "pr-name", t.account_name, profile.name.clone(), "name")}
            {field(F::Phone, "pr-phone", t.checkout_phone, profile.phone.clone(), "tel")}
            <div class="field">
                <label for="pr-language">{t.account_language}</label>
                <select id="pr-language" name="language">
                    {crate::i18n::Lang::ALL.into_iter().map(|l| view! { <option value=l.code() selected={l == profile.lang}>{l.native_name()}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="primary">{t.account_save}</button>
        </ActionForm>
        <h2>{t.account_addresses}</h2>
        {if profile.addresses.is_empty() {
            view! { <p>{t.account_no_addresses}</p> }.into_any()
        } else {
            view! {
                <ul class="my-orders">
                    {profile.addresses.clone().into_iter().map(|a| {
                        let county = County::from_code(&a.county).map(|c| crate::i18n::county_name(t, c)).unwrap_or_default();
                        view! {
                            <li data-testid="saved-address">
                                {format!("{}, {} {}, {}", a.street, a.postal_code, a.city, county)}
                                <ActionForm action=remove attr:class="inline-form">
                                    <input type="hidden" name="lang" value=lang.code()/>
                                    <input type="hidden" name="id" value=a.id/>
                                    <button type="submit" class="link-button">{t.account_remove}</button>
                                </ActionForm>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <ActionForm action=add attr:class="account-form">
            <input type="hidden" name="lang" value=lang.code()/>
            {field(F::Street, "ad-street", t.checkout_street, String::new(), "street-address")}
            {field(F::City, "ad-city", t.checkout_city, String::new(), "address-level2")}
            {field(F::PostalCode, "ad-postal", t.checkout_postal_code, String::new(), "postal-code")}
            <div class="field">
                <label for="ad-county">{t.county_label}</label>
                <select id="ad-county" name="county">
                    {County::ALL.into_iter().map(|c| view! { <option value=c.code()>{crate::i18n::county_name(t, c)}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit">{t.account_add_address}</button>
        </ActionForm>
        <p><a href=href(lang, "/account/data")>{t.account_my_data}</a>" · "<a href=href(lang, "/account/delete")>{t.account_delete}</a></p>
    }
}

/// `/{lang}/account/email`: a new e-mail address, confirmed by a code sent to it.
#[component]
pub fn EmailPage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| get_account());
    view! { <NoIndex/>{loaded(data, |page| view! { <EmailBody page/> })} }
}

#[component]
fn EmailBody(page: PageData) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    if page.account.is_none() {
        return view! { <crate::ui::ErrorBody error=crate::errors::AppError::Unauthorized/> }.into_any();
    }
    let request = ServerAction::<ChangeEmail>::new();
    let confirm = ServerAction::<ConfirmEmailChange>::new();
    let state = shown(request, page.flash.clone());
    let code_state = shown(confirm, page.flash);
    view! {
        {heading(t, t.account_change_email)}
        <ActionForm action=request attr:class="account-form" attr:novalidate=true>
            {form_messages(t, state, request)}
            <input type="hidden" name="lang" value=lang.code()/>
            {input(t, state, Field::Email, t.account_new_email, "email", "email", email_value)}
            <button type="submit">{t.account_send_code}</button>
        </ActionForm>
        <ActionForm action=confirm attr:class="account-form" attr:novalidate=true>
            <input type="hidden" name="lang" value=lang.code()/>
            {input(t, code_state, Field::Code, t.account_code, "text", "one-time-code", no_value)}
            <button type="submit" class="primary">{t.account_confirm_submit}</button>
        </ActionForm>
    }
    .into_any()
}

/// `/{lang}/account/delete`: deleting the account, after its password.
#[component]
pub fn DeletePage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| get_account());
    view! { <NoIndex/>{loaded(data, |page| view! { <DeleteBody page/> })} }
}

#[component]
fn DeleteBody(page: PageData) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    if page.account.is_none() {
        return view! { <crate::ui::ErrorBody error=crate::errors::AppError::Unauthorized/> }.into_any();
    }
    let action = ServerAction::<DeleteAccount>::new();
    let state = shown(action, page.flash);
    view! {
        {heading(t, t.account_delete)}
        <p>{t.account_delete_explained}</p>
        <ActionForm action attr:class="account-form" attr:novalidate=true>
            {form_messages(t, state, action)}
            <input type="hidden" name="lang" value=lang.code()/>
            {input(t, state, Field::Password, t.account_password, "password", "current-password", no_value)}
            <button type="submit" class="danger">{t.account_delete_submit}</button>
        </ActionForm>
    }
    .into_any()
}

/// `/{lang}/account/data`: the download of everything held, and the consent history.
#[component]
pub fn DataPage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| get_consents());
    view! { <NoIndex/>{loaded(data, |consents| view! { <DataBody consents/> })} }
}

#[component]
fn DataBody(consents: Vec<super::ConsentView>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    view! {
        {heading(t, t.account_my_data)}
        <p>{t.account_data_explained}</p>
        <p><a class="button primary" href="/account/export.json" download="turg-account.json">{t.account_download}</a></p>
        <h2>{t.account_consents}</h2>
        {if consents.is_empty() {
            view! { <p>{t.account_no_consents}</p> }.into_any()
        } else {
            view! {
                <ul class="my-orders">
                    {consents.into_iter().map(|c| {
                        let what = match c.kind {
                            ConsentKind::Terms => t.account_consent_terms,
                        };
                        let how = if c.granted { t.account_consent_granted } else { t.account_consent_withdrawn };
                        let when = crate::delivery::local_time::to_tallinn(c.at).format("%Y-%m-%d %H:%M").to_string();
                        view! { <li data-testid="consent">{format!("{what} ({}) — {how} — {when}", c.version)}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
