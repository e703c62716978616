//! `/{lang}/seller/team` (the seller's people: invite, revoke, remove) and
//! `/{lang}/seller/join?token=…` (an invitation's link: sign in with the invited address, then
//! join). Plain forms without JavaScript, answered in place when hydrated. Texts:
//! `locales/*/area_team.toml`.

use super::offer_pages::SellerNav;
use super::team::{get_join, get_team, InviteMember, JoinPage, JoinSeller, JoinState, RemoveMember, TeamAnswer, TeamPage, TeamProblem};
use crate::i18n::area::use_area_texts;
use crate::i18n::{fill, format_date, AreaTexts};
use crate::seo::NoIndex;
use crate::ui::{href, loaded, use_lang};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn day(at: chrono::DateTime<chrono::Utc>, lang: crate::i18n::Lang) -> String {
    format_date(crate::delivery::local_time::to_tallinn(at).date(), lang)
}

fn problem_text(a: &'static AreaTexts, p: TeamProblem) -> &'static str {
    match p {
        TeamProblem::EmailInvalid => a.team_email_invalid,
        TeamProblem::AlreadyMember => a.team_already_member,
        TeamProblem::TooManyPending => a.team_too_many,
        TeamProblem::LastMember => a.team_last_member,
    }
}

#[component]
pub fn SellerTeamPage() -> impl IntoView {
    let invite = ServerAction::<InviteMember>::new();
    let remove = ServerAction::<RemoveMember>::new();
    let data = crate::wire::resource(move || invite.version().get() + remove.version().get(), |_| get_team());
    view! { <NoIndex/>{loaded(data, move |page| view! { <TeamBody page invite remove/> })} }
}

#[component]
fn TeamBody(page: TeamPage, invite: ServerAction<InviteMember>, remove: ServerAction<RemoveMember>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, a) = (lang.texts(), use_area_texts());
    let answer: Option<TeamAnswer> =
        [invite.value().get_untracked(), remove.value().get_untracked()].into_iter().flatten().find_map(Result::ok).or(page.answer.clone());
    let typed = answer.as_ref().filter(|x| x.problem.is_some()).map(|x| x.typed.clone()).unwrap_or_default();
    let code = lang.code();
    let notice = answer.clone().map(|x| match (x.invited, x.removed, x.revoked, x.problem) {
        (Some(e), ..) => view! { <p class="notice" role="status" data-testid="team-notice">{fill(a.team_invited, &[("email", &e)])}</p> }.into_any(),
        (_, Some(e), ..) => view! { <p class="notice" role="status" data-testid="team-notice">{fill(a.team_removed, &[("email", &e)])}</p> }.into_any(),
        (_, _, Some(e), _) => view! { <p class="notice" role="status" data-testid="team-notice">{fill(a.team_revoked, &[("email", &e)])}</p> }.into_any(),
        (_, _, _, Some(p)) => view! { <p class="notice error" role="alert" data-testid="team-notice">{problem_text(a, p)}</p> }.into_any(),
        _ => ().into_any(),
    });
    let invalid = answer.as_ref().and_then(|x| x.problem).is_some_and(|p| p != TeamProblem::LastMember);
    view! {
        <Title text=format!("{} — {}", a.team_title, t.site_name)/>
        <h1>{a.team_title}</h1>
        <SellerNav lang/>
        <p class="lead">{fill(a.team_lead, &[("seller", &page.seller_name)])}</p>
        {notice}
        <section aria-labelledby="team-members">
            <h2 id="team-members">{a.team_members}</h2>
            <ul class="applications" data-testid="team-members">
                {page.members.into_iter().map(|m| {
                    let label = fill(a.team_remove_who, &[("email", &m.email)]);
                    view! {
                        <li data-testid="team-member" data-email=m.email.clone()>
                            <strong>{if m.name.is_empty() { m.email.clone() } else { format!("{} ({})", m.name, m.email) }}</strong>
                            {m.you.then(|| format!(" · {}", a.team_you))}
                            <br/><span class="muted">{fill(a.team_since, &[("date", &day(m.added_at, lang))])}</span>
                            <ActionForm action=remove>
                                <input type="hidden" name="lang" value=code/>
                                <input type="hidden" name="user_id" value=m.user_id/>
                                <button type="submit" class="secondary" aria-label=label>{a.team_remove}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="team-invitations">
            <h2 id="team-invitations">{a.team_invitations}</h2>
            {page.invitations.is_empty().then(|| view! { <p>{a.team_no_invitations}</p> })}
            <ul class="applications" data-testid="team-invitations">
                {page.invitations.into_iter().map(|i| {
                    let label = fill(a.team_revoke_who, &[("email", &i.email)]);
                    view! {
                        <li data-testid="team-invitation" data-email=i.email.clone()>
                            <strong>{i.email.clone()}</strong>
                            <br/><span class="muted">{fill(a.team_invited_on, &[("date", &day(i.created_at, lang)), ("until", &day(i.expires_at, lang))])}</span>
                            <ActionForm action=remove>
                                <input type="hidden" name="lang" value=code/>
                                <input type="hidden" name="invitation" value=i.id/>
                                <button type="submit" class="secondary" aria-label=label>{a.team_revoke}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=invite attr:class="stack" attr:data-testid="team-invite">
                <input type="hidden" name="lang" value=code/>
                <div class="field">
                    <label for="team-email">{a.team_email}</label>
                    <input id="team-email" name="email" type="email" autocomplete="off" required value=typed
                        aria-invalid=invalid.then_some("true") aria-describedby="team-email-hint"/>
                    <p id="team-email-hint" class="hint">{a.team_email_hint}</p>
                </div>
                <button type="submit">{a.team_invite}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn SellerJoinPage() -> impl IntoView {
    let query = use_query_map();
    let join = ServerAction::<JoinSeller>::new();
    let token = move || query.read().get("token").unwrap_or_default();
    let data = crate::wire::resource(move || (token(), join.version().get()), |(token, _)| get_join(token));
    view! { <NoIndex/>{loaded(data, move |page| view! { <JoinBody page join token=token()/> })} }
}

#[component]
fn JoinBody(page: JoinPage, join: ServerAction<JoinSeller>, token: String) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, a) = (lang.texts(), use_area_texts());
    let at = crate::i18n::area::use_area_texts();
    let page = join.value().get_untracked().and_then(Result::ok).unwrap_or(page);
    let seller = page.seller_name.clone().unwrap_or_default();
    let email = page.email.clone().unwrap_or_default();
    let values = [("seller", seller.as_str()), ("email", email.as_str())];
    let button = fill(a.team_join_button, &values);
    let here = crate::markup::query_value(&href(lang, &format!("/seller/join?token={token}")));
    let body = match page.state.clone() {
        JoinState::Invalid => view! { <p class="notice error" role="alert" data-testid="join-state">{a.team_join_invalid}</p> }.into_any(),
        JoinState::SignedOut => view! {
            <p data-testid="join-state">{fill(a.team_join_sign_in, &values)}</p>
            <p>
                <a href=href(lang, &format!("/account/signin?next={here}"))>{t.account_sign_in}</a>" · "
                <a href=href(lang, "/account/register")>{t.account_register}</a>
            </p>
        }.into_any(),
        JoinState::WrongAccount(signed_in) => view! {
            <p class="notice error" role="alert" data-testid="join-state">
                {fill(a.team_join_wrong_account, &[("seller", &seller), ("email", &email), ("signed_in", &signed_in)])}
            </p>
        }.into_any(),
        JoinState::MemberElsewhere(other) => view! {
            <p class="notice error" role="alert" data-testid="join-state">{fill(a.team_join_elsewhere, &[("other", &other)])}</p>
        }.into_any(),
        JoinState::Joined => view! {
            <p class="notice" role="status" data-testid="join-state">{fill(a.team_joined, &values)}</p>
            <p><a href=href(lang, "/seller")>{at.seller_area_open}</a></p>
        }.into_any(),
        JoinState::Open => view! {
            <p data-testid="join-state">{fill(a.team_join_open, &values)}</p>
            <ActionForm action=join>
                <input type="hidden" name="lang" value=lang.code()/>
                <input type="hidden" name="token" value=token.clone()/>
                <button type="submit" data-testid="join-button">{button}</button>
            </ActionForm>
        }.into_any(),
    };
    view! {
        <Title text=format!("{} — {}", a.team_join_title, t.site_name)/>
        <h1>{a.team_join_title}</h1>
        {body}
    }
}
