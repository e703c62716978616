//! `/{lang}/seller/profile`: the seller's public description, payment terms and contacts (in
//! three languages, one form) and its logo (a plain multipart upload, so it works the same
//! with JavaScript or without). Texts: `locales/*/area_profile.toml`.

use super::offer_pages::SellerNav;
use super::profile::{
    get_profile, LogoProblem, ProfileAnswer, ProfileField, ProfilePage, RemoveLogo, SaveProfile, UploadLogo, ABOUT_MAX, TERMS_MAX,
};
use crate::checkout::validate::message;
use crate::i18n::area::use_area_texts;
use crate::i18n::{fill, Lang};
use crate::seo::NoIndex;
use crate::ui::{href, loaded, use_lang};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SellerProfilePage() -> impl IntoView {
    let save = ServerAction::<SaveProfile>::new();
    let remove = ServerAction::<RemoveLogo>::new();
    let data = crate::wire::resource(move || save.version().get() + remove.version().get(), |_| get_profile());
    view! { <NoIndex/>{loaded(data, move |page| view! { <ProfileBody page save remove/> })} }
}

#[component]
fn ProfileBody(page: ProfilePage, save: ServerAction<SaveProfile>, remove: ServerAction<RemoveLogo>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, a) = (lang.texts(), use_area_texts());
    let answer: Option<ProfileAnswer> =
        [save.value().get_untracked(), remove.value().get_untracked()].into_iter().flatten().find_map(Result::ok).or(page.answer.clone());
    let form = match &answer {
        Some(x) if !x.errors.is_empty() => x.typed.clone(),
        _ => page.form.clone(),
    };
    let errors = answer.as_ref().map(|x| x.errors.clone()).unwrap_or_default();
    let error = move |f: ProfileField| errors.iter().find(|(g, _)| *g == f).map(|(_, p)| message(t, *p));
    let logo_notice = use_query_map().get_untracked().get("logo").map(|code| match LogoProblem::from_code(&code) {
        None => view! { <p class="notice" role="status" data-testid="logo-notice">{a.profile_logo_saved}</p> }.into_any(),
        Some(p) => view! {
            <p class="notice error" role="alert" data-testid="logo-notice">{match p {
                LogoProblem::NoFile => a.profile_logo_no_file.to_owned(),
                LogoProblem::TooLarge => a.profile_logo_too_large.to_owned(),
                LogoProblem::NotAnImage => a.profile_logo_not_image.to_owned(),
                LogoProblem::TooManyPixels => fill(a.profile_logo_too_many_pixels, &[("n", &super::profile::LOGO_DECODE_MAX_SIDE.to_string())]),
            }}</p>
        }.into_any(),
    });
    let code = lang.code();
    let text_area = |name: String, label: String, value: String, max: usize, problem: Option<String>| {
        let hint = format!("{name}-hint");
        let err = format!("{name}-error");
        let described = if problem.is_some() { format!("{hint} {err}") } else { hint.clone() };
        view! {
            <div class="field">
                <label for=name.clone()>{label}</label>
                // tachys writes a textarea's children unescaped: the text goes in escaped (see markup.rs).
                <textarea id=name.clone() name=name.clone() rows="4" maxlength=max aria-describedby=described
                    aria-invalid=problem.is_some().then_some("true") inner_html=crate::markup::html(&value)></textarea>
                <p id=hint class="hint">{fill(a.profile_max_chars, &[("n", &max.to_string())])}</p>
                {problem.map(|p| view! { <p id=err class="field-error">{p}</p> })}
            </div>
        }
    };
    let fields = Lang::ALL.into_iter().enumerate().map(|(i, l)| {
        let about = text_area(format!("about_{}", l.code()), fill(a.profile_about_in, &[("lang", l.native_name())]), form.about[i].clone(), ABOUT_MAX, error(ProfileField::About(l)));
        let terms = text_area(format!("terms_{}", l.code()), fill(a.profile_terms_in, &[("lang", l.native_name())]), form.terms[i].clone(), TERMS_MAX, error(ProfileField::Terms(l)));
        view! {
            <fieldset>
                <legend>{l.native_name()}</legend>
                {about}
                {terms}
            </fieldset>
        }
    }).collect_view();
    let email_error = error(ProfileField::Email);
    let phone_error = error(ProfileField::Phone);
    view! {
        <Title text=format!("{} — {}", a.profile_title, t.site_name)/>
        <h1>{a.profile_title}</h1>
        <SellerNav lang/>
        <p class="lead">
            {fill(a.profile_lead, &[("seller", &page.seller_name)])}" "
            <a href=href(lang, &format!("/sellers/{}", page.slug))>{a.profile_see_public}</a>
        </p>
        {answer.as_ref().filter(|x| x.saved).map(|_| view! { <p class="notice" role="status" data-testid="profile-notice">{a.profile_saved}</p> })}
        {answer.as_ref().filter(|x| x.logo_removed).map(|_| view! { <p class="notice" role="status" data-testid="profile-notice">{a.profile_logo_removed}</p> })}
        {answer.as_ref().filter(|x| !x.errors.is_empty()).map(|_| view! { <p class="notice error" role="alert" data-testid="form-error">{a.profile_fix}</p> })}
        <section aria-labelledby="profile-logo">
            <h2 id="profile-logo">{a.profile_logo}</h2>
            {logo_notice}
            {page.logo.clone().map(|l| view! {
                <p><img src=l.url alt=fill(a.profile_logo_alt, &[("seller", &page.seller_name)]) width=l.width height=l.height data-testid="profile-logo"/></p>
                <ActionForm action=remove>
                    <input type="hidden" name="lang" value=code/>
                    <button type="submit" class="secondary">{a.profile_logo_remove}</button>
                </ActionForm>
            })}
            <form method="post" enctype="multipart/form-data" action=UploadLogo::url() class="stack" data-testid="logo-upload">
                <input type="hidden" name="lang" value=code/>
                <div class="field">
                    <label for="logo-file">{a.profile_logo_file}</label>
                    <input id="logo-file" name="file" type="file" accept="image/png,image/jpeg,image/webp" required aria-describedby="logo-file-hint"/>
                    <p id="logo-file-hint" class="hint">{a.profile_logo_hint}</p>
                </div>
                <button type="submit">{a.profile_logo_upload}</button>
            </form>
        </section>
        <section aria-labelledby="profile-texts">
            <h2 id="profile-texts">{a.profile_texts}</h2>
            <ActionForm action=save attr:class="stack" attr:data-testid="profile-form">
                <input type="hidden" name="lang" value=code/>
                {fields}
                <fieldset>
                    <legend>{a.profile_contacts}</legend>
                    <div class="field">
                        <label for="email">{t.checkout_email}</label>
                        <input id="email" name="email" type="email" required value=form.email.clone() aria-invalid=email_error.is_some().then_some("true")
                            aria-describedby=email_error.is_some().then_some("email-error")/>
                        {email_error.clone().map(|p| view! { <p id="email-error" class="field-error">{p}</p> })}
                    </div>
                    <div class="field">
                        <label for="phone">{t.checkout_phone}</label>
                        <input id="phone" name="phone" type="tel" required value=form.phone.clone() aria-invalid=phone_error.is_some().then_some("true")
                            aria-describedby=phone_error.is_some().then_some("phone-error")/>
                        {phone_error.clone().map(|p| view! { <p id="phone-error" class="field-error">{p}</p> })}
                    </div>
                </fieldset>
                <p class="hint">{a.profile_legal_hint}</p>
                <button type="submit" data-testid="profile-save">{a.profile_save}</button>
            </ActionForm>
        </section>
    }
}
