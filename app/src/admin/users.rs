//! `/{lang}/admin/users`: administrators find accounts by e-mail address (a part of it, paged,
//! optionally only those holding a role), see each one's roles and grant or revoke them. An
//! administrator cannot revoke their own administrator role, and the last administrator's role
//! is never revoked. Grants and revokes take turns (the `roles` counter is written first in
//! their transaction), and each checks that its administrator still holds the role: of two
//! administrators revoking each other at once, the second finds it no longer may, so one stays.
//! Every change is in the audit log, in its transaction. A role takes effect at the account's
//! next request (each request reads the session's roles).

use crate::accounts::Role;
use crate::errors::AppError;
use crate::wire::Wire;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const USERS_PER_PAGE: u64 = 30;
/// The `counters` row role changes write first, to take turns (migration 14).
pub const ROLES_COUNTER: &str = "roles";

/// An account as administrators list it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    #[serde(with = "crate::wire::instant")]
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// The administrator looking.
    pub you: bool,
    pub standing: crate::accounts::Standing,
    pub standing_reason: String,
}

/// Grant or revoke.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoleChange {
    Grant,
    Revoke,
}

impl RoleChange {
    pub fn code(self) -> &'static str {
        match self {
            RoleChange::Grant => "grant",
            RoleChange::Revoke => "revoke",
        }
    }

    pub fn from_code(code: &str) -> Option<RoleChange> {
        [RoleChange::Grant, RoleChange::Revoke].into_iter().find(|c| c.code() == code)
    }
}

/// Why a role was not revoked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoleProblem {
    /// Administrators do not revoke their own administrator role (another one may).
    OwnAdministrator,
    /// The shop always keeps an administrator.
    LastAdministrator,
}

/// What the last grant or revoke did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleAnswer {
    pub user_id: i32,
    pub email: String,
    pub role: Role,
    pub change: RoleChange,
    pub problem: Option<RoleProblem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersAdminPage {
    pub rows: Vec<UserRow>,
    pub page: crate::catalog::paging::Page,
    /// The search as typed.
    pub q: String,
    /// Only accounts with this role.
    pub role: Option<Role>,
    pub answer: Option<RoleAnswer>,
}

/// Why `actor` may not revoke `role` from `target`, where `administrators` are the accounts
/// holding the administrator role now (read in the revoke's turn).
pub fn revoke_problem(actor: i32, target: i32, role: Role, administrators: &[i32]) -> Option<RoleProblem> {
    if role != Role::Administrator {
        return None;
    }
    if administrators.contains(&target) && administrators.iter().all(|a| *a == target) {
        return Some(RoleProblem::LastAdministrator);
    }
    (actor == target).then_some(RoleProblem::OwnAdministrator)
}

/// The e-mail search as a LIKE pattern: lower-cased and trimmed (addresses are kept lower-case),
/// with `%`, `_` and the escape character itself taken literally (escaped with `\`).
pub fn email_pattern(q: &str) -> Option<String> {
    let q = q.trim().to_lowercase();
    if q.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(q.len() + 2);
    out.push('%');
    for c in q.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    Some(out)
}

/// The link back to a list of accounts (its search, role and page).
pub fn list_path(lang: crate::i18n::Lang, q: &str, role: Option<Role>, page: u64) -> String {
    let mut parts = Vec::new();
    if !q.is_empty() {
        parts.push(format!("q={}", crate::markup::query_value(q)));
    }
    if let Some(r) = role {
        parts.push(format!("role={}", r.code()));
    }
    if page > 1 {
        parts.push(format!("page={page}"));
    }
    let query = if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) };
    format!("/{}/admin/users{query}", lang.code())
}

#[cfg(feature = "ssr")]
pub mod service {
    use super::{email_pattern, revoke_problem, RoleChange, RoleProblem, UserRow, ROLES_COUNTER, USERS_PER_PAGE};
    use crate::accounts::visitor::Administrator;
    use crate::accounts::Role;
    use crate::admin::audit;
    use crate::catalog::paging::Page;
    use crate::db::entity::{counter, user, user_role};
    use chrono::{DateTime, Utc};
    use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr, Query};
    use sea_orm::{
        ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
        TransactionSession, TransactionTrait,
    };

    /// Why a role was not changed.
    #[derive(Debug, thiserror::Error)]
    pub enum RoleError {
        #[error("no such account")]
        NotFound,
        /// The acting account no longer holds the administrator role (revoked meanwhile).
        #[error("no longer an administrator")]
        NotAdministrator,
        #[error("refused: {0:?}")]
        Refused(RoleProblem),
        /// Restricting or suspending an account needs a reason.
        #[error("a reason is needed")]
        NoReason,
        #[error(transparent)]
        Db(#[from] DbErr),
    }

    /// One page of accounts (not deleted ones) whose e-mail contains `q`, holding `role` when
    /// given, by e-mail, each with its roles: three queries.
    pub async fn accounts<C: ConnectionTrait>(
        db: &C,
        admin: &Administrator,
        q: &str,
        role: Option<Role>,
        requested: u64,
    ) -> Result<(Vec<UserRow>, Page), DbErr> {
        let mut find = user::Entity::find().filter(user::Column::DeletedAt.is_null());
        if let Some(pattern) = email_pattern(q) {
            find = find.filter(Expr::col((user::Entity, user::Column::Email)).like(LikeExpr::new(pattern).escape('\\')));
        }
        if let Some(role) = role {
            let holders = Query::select()
                .column(user_role::Column::UserId)
                .from(user_role::Entity)
                .and_where(Expr::col(user_role::Column::Role).eq(role.code()))
                .to_owned();
            find = find.filter(Expr::col((user::Entity, user::Column::Id)).in_subquery(holders));
        }
        let total = find.clone().count(db).await?;
        let page = Page::new(requested, total, USERS_PER_PAGE);
        let rows = find.order_by_asc(user::Column::Email).offset(page.offset(USERS_PER_PAGE)).limit(USERS_PER_PAGE).all(db).await?;
        let roles = user_role::Entity::find()
            .filter(user_role::Column::UserId.is_in(rows.iter().map(|u| u.id)))
            .order_by_asc(user_role::Column::Role)
            .all(db)
            .await?;
        Ok((
            rows.into_iter()
                .map(|u| {
                    let mut held: Vec<Role> = roles.iter().filter(|r| r.user_id == u.id).map(|r| r.role).collect();
                    held.sort();
                    UserRow {
                        you: u.id == admin.user_id(),
                        id: u.id,
                        email: u.email,
                        name: u.name,
                        roles: held,
                        created_at: u.created_at,
                        standing: u.standing,
                        standing_reason: u.standing_reason,
                    }
                })
                .collect(),
            page,
        ))
    }

    /// Grants or revokes `role` of the account `user_id`; returns its e-mail. Taking turns with
    /// every other role change, it first checks that `admin` still is one; a revoke is refused
    /// for the administrator's own administrator role and for the last administrator's. A grant
    /// of a role held, or a revoke of one not held, changes nothing (and is not logged).
    pub async fn change_role<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        admin: &Administrator,
        user_id: i32,
        role: Role,
        change: RoleChange,
        now: DateTime<Utc>,
    ) -> Result<String, RoleError> {
        let txn = crate::db::begin(db).await?;
        // First: role changes take turns (SQLite's write lock, PostgreSQL's row lock), so each
        // reads the roles as the one before it left them.
        counter::Entity::update_many()
            .col_expr(counter::Column::Value, Expr::col(counter::Column::Value).add(1))
            .filter(counter::Column::Name.eq(ROLES_COUNTER))
            .exec(&txn)
            .await?;
        let administrators: Vec<i32> = user_role::Entity::find()
            .select_only()
            .column(user_role::Column::UserId)
            .filter(user_role::Column::Role.eq(Role::Administrator))
            .into_tuple()
            .all(&txn)
            .await?;
        if !administrators.contains(&admin.user_id()) {
            return Err(RoleError::NotAdministrator);
        }
        let account = user::Entity::find_by_id(user_id)
            .filter(user::Column::DeletedAt.is_null())
            .one(&txn)
            .await?
            .ok_or(RoleError::NotFound)?;
        let held = user_role::Entity::find_by_id((user_id, role)).one(&txn).await?.is_some();
        match change {
            RoleChange::Grant if held => return Ok(account.email),
            RoleChange::Grant => crate::accounts::service::grant(&txn, user_id, role, Some(admin.user_id()), now).await?,
            RoleChange::Revoke => {
                if let Some(problem) = revoke_problem(admin.user_id(), user_id, role, &administrators) {
                    return Err(RoleError::Refused(problem));
                }
                if !held {
                    return Ok(account.email);
                }
                crate::accounts::service::revoke(&txn, user_id, role).await?;
            }
        }
        let action = match change {
            RoleChange::Grant => audit::Action::RoleGrant,
            RoleChange::Revoke => audit::Action::RoleRevoke,
        };
        audit::record(&txn, admin, action, &format!("user:{user_id}"), &format!("{} {}", account.email, role.code()), now).await?;
        txn.commit().await?;
        Ok(account.email)
    }

    /// Sets an account's standing (a reason is required unless it is made active again): a
    /// restricted account cannot place orders, a suspended one cannot sign in and its sessions
    /// end at once. Administrators do not change their own. In the audit log, in the same
    /// transaction; setting the standing it has changes nothing. Returns its e-mail.
    pub async fn set_standing<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        admin: &Administrator,
        user_id: i32,
        standing: crate::accounts::Standing,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<String, RoleError> {
        use crate::accounts::Standing;
        use sea_orm::ActiveValue::Set;
        use sea_orm::{ActiveModelTrait, IntoActiveModel};
        let reason: String = reason.trim().chars().take(500).collect();
        if user_id == admin.user_id() {
            return Err(RoleError::Refused(RoleProblem::OwnAdministrator));
        }
        if standing != Standing::Active && reason.is_empty() {
            return Err(RoleError::NoReason);
        }
        let txn = crate::db::begin(db).await?;
        let account = user::Entity::find_by_id(user_id).filter(user::Column::DeletedAt.is_null()).one(&txn).await?.ok_or(RoleError::NotFound)?;
        if account.standing == standing {
            return Ok(account.email);
        }
        let email = account.email.clone();
        let mut row = account.into_active_model();
        row.standing = Set(standing);
        row.standing_reason = Set(reason.clone());
        row.standing_at = Set(Some(now));
        row.update(&txn).await?;
        if standing == Standing::Suspended {
            crate::accounts::service::end_all_sessions(&txn, user_id).await?;
        }
        let action = match standing {
            Standing::Active => audit::Action::AccountReinstate,
            Standing::Restricted => audit::Action::AccountRestrict,
            Standing::Suspended => audit::Action::AccountSuspend,
        };
        audit::record(&txn, admin, action, &format!("user:{user_id}"), &format!("{email}: {reason}"), now).await?;
        txn.commit().await?;
        Ok(email)
    }
}

#[server(prefix = "/api", endpoint = "admin_users", output = Wire)]
pub async fn get_admin_users(q: String, #[server(default)] role: String, page: u64) -> Result<UsersAdminPage, AppError> {
    let admin = crate::accounts::visitor::administrator()?;
    let answer = crate::accounts::api::server_side::take_flash();
    let db = crate::server::db()?;
    let role = Role::from_code(&role);
    let (rows, page) = service::accounts(&db, &admin, &q, role, page.max(1)).await?;
    Ok(UsersAdminPage { rows, page, q, role, answer })
}

/// Grants (`change=grant`) or revokes (`revoke`) a role of an account; a plain post returns to
/// the list it came from (`q`, `filter`, `page`).
#[server(prefix = "/api", endpoint = "admin_user_role", output = Wire)]
pub async fn set_user_role(
    lang: String,
    user_id: i32,
    role: String,
    change: String,
    #[server(default)] q: String,
    #[server(default)] filter: String,
    #[server(default)] page: Option<u64>,
) -> Result<RoleAnswer, AppError> {
    use service::{change_role, RoleError};
    let admin = crate::accounts::visitor::administrator()?;
    let lang = crate::accounts::api::server_side::lang_of(&lang);
    let role = Role::from_code(&role).ok_or_else(|| AppError::BadRequest(format!("role {role:?}")))?;
    let change = RoleChange::from_code(&change).ok_or_else(|| AppError::BadRequest(format!("change {change:?}")))?;
    let db = crate::server::db()?;
    let mut answer = RoleAnswer { user_id, email: String::new(), role, change, problem: None };
    match change_role(&db, &admin, user_id, role, change, chrono::Utc::now()).await {
        Ok(email) => answer.email = email,
        Err(RoleError::Refused(p)) => answer.problem = Some(p),
        Err(RoleError::NotFound) => return Err(AppError::NotFound),
        Err(RoleError::NotAdministrator) => return Err(AppError::Forbidden),
        Err(RoleError::NoReason) => return Err(AppError::BadRequest("reason".into())),
        Err(RoleError::Db(e)) => return Err(e.into()),
    }
    let back = list_path(lang, q.trim(), Role::from_code(&filter), page.unwrap_or(1));
    Ok(crate::accounts::api::server_side::again(answer, &back))
}

/// Sets an account's standing (`active`, `restricted`, `suspended`) with a reason; a plain post
/// returns to the list it came from.
#[server(prefix = "/api", endpoint = "admin_user_standing", output = Wire)]
pub async fn set_user_standing(
    lang: String,
    user_id: i32,
    standing: String,
    #[server(default)] reason: String,
    #[server(default)] q: String,
    #[server(default)] page: Option<u64>,
) -> Result<(), AppError> {
    use crate::accounts::Standing;
    use service::RoleError;
    let admin = crate::accounts::visitor::administrator()?;
    let lang = crate::accounts::api::server_side::lang_of(&lang);
    let standing = match standing.as_str() {
        "active" => Standing::Active,
        "restricted" => Standing::Restricted,
        "suspended" => Standing::Suspended,
        other => return Err(AppError::BadRequest(format!("standing {other:?}"))),
    };
    match service::set_standing(&crate::server::db()?, &admin, user_id, standing, &reason, chrono::Utc::now()).await {
        Ok(_) => {}
        Err(RoleError::NotFound) => return Err(AppError::NotFound),
        Err(RoleError::Refused(_) | RoleError::NotAdministrator) => return Err(AppError::Forbidden),
        Err(RoleError::NoReason) => return Err(AppError::BadRequest("reason".into())),
        Err(RoleError::Db(e)) => return Err(e.into()),
    }
    crate::server::redirect_form_post(&list_path(lang, q.trim(), None, page.unwrap_or(1)));
    Ok(())
}

pub mod page {
    //! The page: the search, then each account with its roles and a grant or revoke button per
    //! role. Plain forms without JavaScript, answered in place when hydrated. Texts:
    //! `locales/*/area_admin.toml`.

    use super::{get_admin_users, list_path, RoleAnswer, RoleChange, RoleProblem, SetUserRole, SetUserStanding, UserRow, UsersAdminPage};
    use crate::accounts::Standing;
    use crate::accounts::Role;
    use crate::admin::applications::AdminNav;
    use crate::i18n::area::use_area_texts;
    use crate::i18n::{fill, format_date, AreaTexts, Lang};
    use crate::seo::NoIndex;
    use crate::ui::{href, loaded, use_lang};
    use leptos::form::ActionForm;
    use leptos::prelude::*;
    use leptos_meta::Title;
    use leptos_router::hooks::use_query_map;

    pub fn role_name(a: &'static AreaTexts, role: Role) -> &'static str {
        match role {
            Role::Administrator => a.admin_users_role_administrator,
            Role::Support => a.admin_users_role_support,
        }
    }

    fn problem_text(a: &'static AreaTexts, p: RoleProblem) -> &'static str {
        match p {
            RoleProblem::OwnAdministrator => a.admin_users_own_admin,
            RoleProblem::LastAdministrator => a.admin_users_last_admin,
        }
    }

    #[component]
    pub fn AdminUsersPage() -> impl IntoView {
        let query = use_query_map();
        let action = ServerAction::<SetUserRole>::new();
        let standing = ServerAction::<SetUserStanding>::new();
        let data = crate::wire::resource(
            move || {
                let q = query.read();
                (
                    q.get("q").unwrap_or_default(),
                    q.get("role").unwrap_or_default(),
                    crate::catalog::paging::parse_page(q.get("page").as_deref()),
                    action.version().get() + standing.version().get(),
                )
            },
            |(q, role, page, _)| get_admin_users(q, role, page),
        );
        view! { <NoIndex/>{loaded(data, move |page| view! { <Body page action standing/> })} }
    }

    pub fn standing_name(a: &'static AreaTexts, s: Standing) -> &'static str {
        match s {
            Standing::Active => a.admin_users_standing_active,
            Standing::Restricted => a.admin_users_standing_restricted,
            Standing::Suspended => a.admin_users_standing_suspended,
        }
    }

    #[component]
    fn Body(page: UsersAdminPage, action: ServerAction<SetUserRole>, standing: ServerAction<SetUserStanding>) -> impl IntoView {
        let lang = use_lang().get_untracked();
        let (t, a) = (lang.texts(), use_area_texts());
        let answer: Option<RoleAnswer> = action.value().get_untracked().and_then(Result::ok).or(page.answer.clone());
        let notice = answer.map(|x| {
            let role = role_name(a, x.role);
            let (class, status, text) = match (x.problem, x.change) {
                (Some(p), _) => ("notice error", "alert", problem_text(a, p).to_owned()),
                (None, RoleChange::Grant) => ("notice", "status", fill(a.admin_users_granted, &[("email", &x.email), ("role", role)])),
                (None, RoleChange::Revoke) => ("notice", "status", fill(a.admin_users_revoked, &[("email", &x.email), ("role", role)])),
            };
            view! { <p class=class role=status data-testid="admin-notice">{text}</p> }
        });
        let standing_error = move || {
            matches!(standing.value().get(), Some(Err(_))).then(|| view! { <p class="notice error" role="alert">{a.admin_users_standing_reason_needed}</p> })
        };
        let (q, role, number) = (page.q.clone(), page.role, page.page.number);
        let filter = role.map(|r| r.code()).unwrap_or_default();
        let pager_q = q.clone();
        view! {
            <Title text=format!("{} — {}", a.admin_users_title, t.site_name)/>
            <h1>{a.admin_users_title}</h1>
            <AdminNav lang/>
            <p class="lead">{a.admin_users_lead}</p>
            {notice}
            {standing_error}
            <form method="get" action=href(lang, "/admin/users") class="filters" role="search">
                <div class="field">
                    <label for="admin-users-q">{a.admin_users_find}</label>
                    <input id="admin-users-q" name="q" type="search" value=q.clone() autocomplete="off"/>
                </div>
                <div class="field">
                    <label for="admin-users-role">{a.admin_users_role_filter}</label>
                    <select id="admin-users-role" name="role">
                        <option value="" selected=role.is_none()>{a.admin_users_any_role}</option>
                        {Role::ALL.into_iter().map(|r| view! { <option value=r.code() selected=role == Some(r)>{role_name(a, r)}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit">{t.search_button}</button>
            </form>
            <p class="muted" data-testid="admin-users-count">{fill(a.admin_users_count, &[("n", &page.page.total.to_string())])}</p>
            {page.rows.is_empty().then(|| view! { <p>{a.admin_users_none_found}</p> })}
            <ul class="applications">
                {page.rows.into_iter().map(|u| view! { <Account lang user=u action standing q=q.clone() filter number/> }).collect_view()}
            </ul>
            <crate::catalog::components::Pager page=page.page link=move |n| list_path(lang, &pager_q, role, n)/>
        }
    }

    #[component]
    fn Account(
        lang: Lang,
        user: UserRow,
        action: ServerAction<SetUserRole>,
        standing: ServerAction<SetUserStanding>,
        q: String,
        filter: &'static str,
        number: u64,
    ) -> impl IntoView {
        let a = use_area_texts();
        let u = user;
        let since = format_date(crate::delivery::local_time::to_tallinn(u.created_at).date(), lang);
        let held: Vec<&'static str> = u.roles.iter().map(|r| role_name(a, *r)).collect();
        let roles = if held.is_empty() { a.admin_users_no_roles.to_owned() } else { fill(a.admin_users_roles, &[("roles", &held.join(", "))]) };
        let title = match (u.name.is_empty(), u.you) {
            (true, false) => u.email.clone(),
            (false, false) => format!("{} ({})", u.email, u.name),
            (true, true) => format!("{} · {}", u.email, a.admin_users_you),
            (false, true) => format!("{} ({}) · {}", u.email, u.name, a.admin_users_you),
        };
        let buttons = Role::ALL.into_iter().map(|role| {
            let holds = u.roles.contains(&role);
            let own_admin = u.you && role == Role::Administrator;
            let change = if holds { RoleChange::Revoke } else { RoleChange::Grant };
            let name = role_name(a, role);
            let (text, label) = match change {
                RoleChange::Grant => (fill(a.admin_users_grant, &[("role", name)]), fill(a.admin_users_grant_who, &[("role", name), ("email", &u.email)])),
                RoleChange::Revoke => (fill(a.admin_users_revoke, &[("role", name)]), fill(a.admin_users_revoke_who, &[("role", name), ("email", &u.email)])),
            };
            if own_admin {
                // Refused on the server anyway; the page says why instead of offering it.
                return view! { <p class="muted">{a.admin_users_own_admin_note}</p> }.into_any();
            }
            let q = q.clone();
            view! {
                <ActionForm action attr:class="inline-form">
                    <input type="hidden" name="lang" value=lang.code()/>
                    <input type="hidden" name="user_id" value=u.id/>
                    <input type="hidden" name="role" value=role.code()/>
                    <input type="hidden" name="change" value=change.code()/>
                    <input type="hidden" name="q" value=q/>
                    <input type="hidden" name="filter" value=filter/>
                    <input type="hidden" name="page" value=number/>
                    <button type="submit" class=if holds { "secondary" } else { "primary" } aria-label=label>{text}</button>
                </ActionForm>
            }
            .into_any()
        }).collect_view();
        let codes = u.roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(" ");
        let (select_id, reason_id) = (format!("standing-{}", u.id), format!("standing-reason-{}", u.id));
        let current = u.standing;
        let standing_form = (!u.you).then(|| view! {
            <details class="standing">
                <summary>{a.admin_users_standing_change}</summary>
                <ActionForm action=standing attr:class="account-form">
                    <input type="hidden" name="lang" value=lang.code()/>
                    <input type="hidden" name="user_id" value=u.id/>
                    <input type="hidden" name="q" value=q.clone()/>
                    <input type="hidden" name="page" value=number/>
                    <div class="field">
                        <label for=select_id.clone()>{a.admin_users_standing}</label>
                        <select id=select_id name="standing">
                            {[Standing::Active, Standing::Restricted, Standing::Suspended].into_iter().map(|s| {
                                let code = match s { Standing::Active => "active", Standing::Restricted => "restricted", Standing::Suspended => "suspended" };
                                view! { <option value=code selected=s == current>{standing_name(a, s)}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=reason_id.clone()>{a.admin_users_standing_reason}</label>
                        <input id=reason_id name="reason" maxlength="500"/>
                    </div>
                    <button type="submit" class="secondary">{a.admin_users_standing_save}</button>
                </ActionForm>
            </details>
        });
        view! {
            <li class="application" data-testid="admin-user" data-email=u.email.clone() data-roles=codes>
                <h2 class="h3">{title}</h2>
                <p class="muted">{fill(a.admin_users_since, &[("date", &since)])}" · "{roles}</p>
                {(u.standing != Standing::Active).then(|| view! {
                    <p class="notice error" data-testid="admin-user-standing">{standing_name(a, u.standing)}": "{u.standing_reason.clone()}</p>
                })}
                {buttons}
                {standing_form}
            </li>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_administrator_keeps_their_own_role_and_the_shop_keeps_one() {
        let admins = [1, 2];
        assert_eq!(revoke_problem(1, 1, Role::Administrator, &admins), Some(RoleProblem::OwnAdministrator));
        assert_eq!(revoke_problem(1, 2, Role::Administrator, &admins), None);
        assert_eq!(revoke_problem(1, 2, Role::Administrator, &[2]), Some(RoleProblem::LastAdministrator), "the last one");
        assert_eq!(revoke_problem(1, 1, Role::Administrator, &[1]), Some(RoleProblem::LastAdministrator), "the last one, themselves");
        assert_eq!(revoke_problem(1, 2, Role::Administrator, &[]), None, "not an administrator: nothing to revoke");
        assert_eq!(revoke_problem(1, 1, Role::Support, &admins), None, "their own support role is theirs to drop");
        assert_eq!(revoke_problem(1, 3, Role::Administrator, &admins), None, "not an administrator: nothing to keep");
    }

    #[test]
    fn the_search_takes_the_typed_text_literally() {
        assert_eq!(email_pattern("  "), None);
        assert_eq!(email_pattern(" Mari@ "), Some("%mari@%".into()));
        assert_eq!(email_pattern("a_b%c\\"), Some("%a\\_b\\%c\\\\%".into()));
    }

    #[test]
    fn a_list_links_back_to_itself() {
        use crate::i18n::Lang;
        assert_eq!(list_path(Lang::En, "", None, 1), "/en/admin/users");
        assert_eq!(list_path(Lang::Et, "mari & co", Some(Role::Support), 3), "/et/admin/users?q=mari+%26+co&role=support&page=3");
        assert_eq!(RoleChange::from_code("revoke"), Some(RoleChange::Revoke));
        assert_eq!(RoleChange::from_code("drop"), None);
    }
}
