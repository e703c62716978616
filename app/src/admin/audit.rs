//! The audit log: every administrator's action, who took it, on what and when. Written in the
//! same transaction as the action itself (so an action and its entry stand or fall together)
//! and only ever added to.

use crate::accounts::visitor::Administrator;
use crate::db::entity::audit_entry;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, QueryOrder, QuerySelect, Set};

/// What an administrator did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    ApplicationApprove,
    ApplicationAskChanges,
    ApplicationReject,
    SellerSuspend,
    SellerReinstate,
    CategoryCreate,
    CategoryRename,
    CategoryMove,
    CategoryHide,
    CategoryShow,
    RoleGrant,
    RoleRevoke,
    AccountRestrict,
    AccountSuspend,
    AccountReinstate,
}

impl Action {
    /// As stored in `audit_log.action`.
    pub fn code(self) -> &'static str {
        match self {
            Action::ApplicationApprove => "application.approve",
            Action::ApplicationAskChanges => "application.ask_changes",
            Action::ApplicationReject => "application.reject",
            Action::SellerSuspend => "seller.suspend",
            Action::SellerReinstate => "seller.reinstate",
            Action::CategoryCreate => "category.create",
            Action::CategoryRename => "category.rename",
            Action::CategoryMove => "category.move",
            Action::CategoryHide => "category.hide",
            Action::CategoryShow => "category.show",
            Action::RoleGrant => "role.grant",
            Action::RoleRevoke => "role.revoke",
            Action::AccountRestrict => "account.restrict",
            Action::AccountSuspend => "account.suspend",
            Action::AccountReinstate => "account.reinstate",
        }
    }
}

/// Records one action.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    admin: &Administrator,
    action: Action,
    subject: &str,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    audit_entry::ActiveModel {
        at: Set(now),
        actor_id: Set(admin.user_id()),
        action: Set(action.code().to_owned()),
        subject: Set(subject.to_owned()),
        detail: Set(detail.to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The latest `limit` entries, newest first, each with the e-mail of the account that acted.
pub async fn latest<C: ConnectionTrait>(
    db: &C,
    _admin: &Administrator,
    limit: u64,
) -> Result<Vec<(audit_entry::Model, String)>, DbErr> {
    let entries = audit_entry::Entity::find().order_by_desc(audit_entry::Column::Id).limit(limit).all(db).await?;
    let emails = crate::accounts::service::emails_of(db, entries.iter().map(|e| e.actor_id)).await?;
    Ok(entries
        .into_iter()
        .map(|e| {
            let who = emails.get(&e.actor_id).cloned().unwrap_or_default();
            (e, who)
        })
        .collect())
}
