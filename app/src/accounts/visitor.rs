//! Who is asking. The server's middleware resolves the `turg_session` cookie once per request
//! (`server/src/routes.rs`, `visitor_layer`) and puts a [`Visitor`] into the request's
//! extensions; server functions and pages read it through [`current`].
//!
//! **Guards.** [`signed_in`] and [`administrator`] return values that only this module can
//! make; services that act for an account take them as arguments, so they cannot be called
//! without the check having been made on the server.

use super::Role;
use crate::errors::AppError;

/// A signed-in visitor of this request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visitor {
    session_id: i32,
    user_id: i32,
    email: String,
    name: String,
    roles: Vec<Role>,
}

impl Visitor {
    pub(super) fn signed_in(session_id: i32, user_id: i32, email: String, name: String, roles: Vec<Role>) -> Visitor {
        Visitor { session_id, user_id, email, name, roles }
    }

    pub fn user_id(&self) -> i32 {
        self.user_id
    }

    pub fn session_id(&self) -> i32 {
        self.session_id
    }

    pub fn email(&self) -> &str {
        &self.email
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// The signed-in visitor of the request being served, if any.
pub fn current() -> Option<Visitor> {
    leptos::prelude::use_context::<axum::http::request::Parts>().and_then(|p| p.extensions.get::<Visitor>().cloned())
}

/// Proof that the request is from a signed-in account.
#[derive(Clone, Debug)]
pub struct SignedIn(Visitor);

impl SignedIn {
    pub fn user_id(&self) -> i32 {
        self.0.user_id
    }

    pub fn visitor(&self) -> &Visitor {
        &self.0
    }
}

/// Proof that the request is from an administrator.
#[derive(Clone, Debug)]
pub struct Administrator(SignedIn);

impl Administrator {
    pub fn user_id(&self) -> i32 {
        self.0.user_id()
    }

    /// The guard for a visitor made from a live session (see `From<Visitor> for SignedIn`),
    /// when it holds the role.
    pub fn from_visitor(visitor: Visitor) -> Option<Administrator> {
        visitor.has(Role::Administrator).then_some(Administrator(SignedIn(visitor)))
    }
}

/// The request's account, or 401.
pub fn signed_in() -> Result<SignedIn, AppError> {
    current().map(SignedIn).ok_or(AppError::Unauthorized)
}

/// The request's account when it holds the administrator role: 401 when signed out, 403
/// for anyone else.
pub fn administrator() -> Result<Administrator, AppError> {
    let who = signed_in()?;
    if who.0.has(Role::Administrator) {
        Ok(Administrator(who))
    } else {
        Err(AppError::Forbidden)
    }
}

/// The request's account when it answers support cases (the support role, or an
/// administrator): 401 when signed out, 403 for anyone else.
pub fn support_agent() -> Result<SignedIn, AppError> {
    let who = signed_in()?;
    if who.0.has(Role::Support) || who.0.has(Role::Administrator) {
        Ok(who)
    } else {
        Err(AppError::Forbidden)
    }
}

/// A visitor is only ever made from a live session (`service::resolve`), so the guard may be
/// made from one: the server's middleware, and tests that resolve a real session.
impl From<Visitor> for SignedIn {
    fn from(visitor: Visitor) -> SignedIn {
        SignedIn(visitor)
    }
}
