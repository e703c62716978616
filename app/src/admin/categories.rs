//! `/{lang}/admin/categories`: administrators create categories (an address, a place in the
//! tree, names in Estonian, English and Russian), rename them, move them (under another one or
//! to the top level, at a place among the new siblings; never under itself or one of its own
//! sub-categories) and hide or show them. Every change is in the audit log, written in the
//! change's transaction.
//!
//! **What hiding does.** A hidden category and everything under it disappear for shoppers: the
//! catalog snapshot leaves them out (home, sub-category links, search facets, a seller's
//! categories), their pages answer 404, and the sitemap does not list them; a visible category
//! no longer lists the products of a hidden one below it. The products themselves stay on sale:
//! their own pages (whose trail shows its visible part) and search still find them.
//!
//! **How a change reaches every instance within seconds.** Categories live in each instance's
//! snapshot (and sitemap cache), which reload after every batch of the change feed. Touching
//! the products below the category (as a seller's suspension does) makes the feed fire and also
//! refreshes what products show of their category (the trail on their cached pages, the
//! category names in their search entries), but a change no product shows (a new category, an
//! empty one hidden) would then wait for the snapshot's periodic reload (30 s) and the sitemap's
//! (10 min). So every change first advances the `category_tree` counter
//! (`catalog::changes::touch_category_tree`), which each instance's poller reads every second
//! and answers with a batch even without products; and renames, moves and hiding also touch the
//! products of the subtree. The counter is written first in the transaction, so category
//! changes take turns: each move checks for cycles against the tree the previous change left.

use crate::checkout::validate::Problem as TextProblem;
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::wire::Wire;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The longest name, in characters.
pub const NAME_MAX: usize = 80;
/// The longest address (slug), in characters.
pub const SLUG_MAX: usize = 60;
/// What is kept of a typed text to show it again (the inputs stop at the limits above; this
/// keeps a flash cookie well under 4 KB).
const TYPED_MAX: usize = 120;

/// A field of the category forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CategoryField {
    Slug,
    Parent,
    Name(Lang),
    Place,
}

/// Why a category form was not saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CategoryProblem {
    /// Empty, too long, or with control characters (the checkout's words for them).
    Text(TextProblem),
    /// Not lower-case letters, digits and single hyphens between them.
    SlugFormat,
    SlugTaken,
    UnderItself,
    UnderDescendant,
    /// The chosen parent does not exist (any more).
    NoSuchParent,
    /// Not a whole number from 1 up.
    Place,
}

/// Which change a form asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CategoryChange {
    Create,
    Rename,
    Move,
    Hide,
    Show,
}

/// What was typed into a category form, to show it again with its problems.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryTyped {
    pub slug: String,
    /// A category id, or empty for the top level.
    pub parent: String,
    /// In `Lang::ALL` order.
    pub names: [String; 3],
    pub place: String,
}

impl CategoryTyped {
    /// The typed texts, each cut to what is shown again.
    pub fn kept(slug: &str, parent: &str, names: [&str; 3], place: &str) -> CategoryTyped {
        let keep = |s: &str| s.chars().take(TYPED_MAX).collect::<String>();
        CategoryTyped { slug: keep(slug), parent: keep(parent), names: names.map(keep), place: keep(place) }
    }
}

/// What the last category form did, or why it did nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryAnswer {
    pub change: CategoryChange,
    /// The category changed (the new one, once created).
    pub category_id: Option<i32>,
    /// Its address, for the notice.
    pub slug: String,
    pub done: bool,
    pub problems: Vec<(CategoryField, CategoryProblem)>,
    pub typed: CategoryTyped,
}

impl CategoryAnswer {
    /// The problem with `field`, if the answer is about this form (`change` of `category_id`).
    pub fn problem(&self, change: CategoryChange, category_id: Option<i32>, field: CategoryField) -> Option<CategoryProblem> {
        self.about(change, category_id).then(|| self.problems.iter().find(|(f, _)| *f == field).map(|(_, p)| *p)).flatten()
    }

    /// Whether this is the refused answer of that form (so it shows what was typed).
    pub fn about(&self, change: CategoryChange, category_id: Option<i32>) -> bool {
        !self.done && self.change == change && (change == CategoryChange::Create || self.category_id == category_id)
    }
}

/// A category as administrators see it, in the tree's order (parents before children,
/// siblings by their place).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminCategoryRow {
    pub id: i32,
    pub slug: String,
    pub parent_id: Option<i32>,
    /// 0 for a top-level category.
    pub depth: u32,
    /// 1-based place among its siblings.
    pub place: u32,
    /// In `Lang::ALL` order (empty where a name is missing).
    pub names: [String; 3],
    /// Hidden by an administrator.
    pub hidden: bool,
    /// Under a hidden category (so hidden from shoppers whatever its own flag).
    pub hidden_above: bool,
    /// Products in this category itself.
    pub products: u64,
}

impl AdminCategoryRow {
    pub fn name(&self, lang: Lang) -> &str {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        let name = self.names[i].as_str();
        if name.is_empty() {
            &self.slug
        } else {
            name
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoriesAdminPage {
    pub rows: Vec<AdminCategoryRow>,
    pub answer: Option<CategoryAnswer>,
}

/// A category's name: trimmed, inner whitespace collapsed, 1 to [`NAME_MAX`] characters, no
/// control characters (nor invisible text-direction overrides).
pub fn category_name(raw: &str) -> Result<String, CategoryProblem> {
    crate::checkout::validate::line(raw, NAME_MAX).map_err(CategoryProblem::Text)
}

/// A category's address: lower-case letters a–z and digits in groups joined by single hyphens,
/// 1 to [`SLUG_MAX`] characters (upper case is lowered, spaces around are trimmed).
pub fn category_slug(raw: &str) -> Result<String, CategoryProblem> {
    let slug = raw.trim().to_ascii_lowercase();
    if slug.is_empty() {
        return Err(CategoryProblem::Text(TextProblem::Required));
    }
    if slug.chars().count() > SLUG_MAX {
        return Err(CategoryProblem::Text(TextProblem::TooLong { max: SLUG_MAX }));
    }
    let groups_ok = slug.split('-').all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    if groups_ok {
        Ok(slug)
    } else {
        Err(CategoryProblem::SlugFormat)
    }
}

/// The three names (et, en, ru), or every problem with them.
pub fn category_names(raw: [&str; 3]) -> Result<[String; 3], Vec<(CategoryField, CategoryProblem)>> {
    let mut problems = Vec::new();
    let mut names: [String; 3] = Default::default();
    for (i, lang) in Lang::ALL.into_iter().enumerate() {
        match category_name(raw[i]) {
            Ok(n) => names[i] = n,
            Err(p) => problems.push((CategoryField::Name(lang), p)),
        }
    }
    if problems.is_empty() {
        Ok(names)
    } else {
        Err(problems)
    }
}

/// The parent as the form sends it: empty for the top level, else a category id.
pub fn parse_parent(raw: &str) -> Result<Option<i32>, CategoryProblem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<i32>().map(Some).map_err(|_| CategoryProblem::NoSuchParent)
}

/// The place among siblings as typed: empty for the last, else a whole number from 1 up.
pub fn parse_place(raw: &str) -> Result<Option<usize>, CategoryProblem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<usize>() {
        Ok(n) if n >= 1 && raw.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n)),
        _ => Err(CategoryProblem::Place),
    }
}

/// Why `id` may not move under `parent` (`None`: the top level): under itself, or under one of
/// its own descendants (the tree would get a cycle and lose the subtree).
pub fn move_problem(tree: &crate::catalog::tree::Tree, id: i32, parent: Option<i32>) -> Option<CategoryProblem> {
    match parent {
        Some(p) if p == id => Some(CategoryProblem::UnderItself),
        Some(p) if tree.subtree(id).contains(&p) => Some(CategoryProblem::UnderDescendant),
        _ => None,
    }
}

/// The new order of siblings when `id` takes the 1-based `place` among `siblings` (in their
/// order; `id` may be among them already): `None` or a place past the end puts it last.
pub fn placed(siblings: &[i32], id: i32, place: Option<usize>) -> Vec<i32> {
    let mut order: Vec<i32> = siblings.iter().copied().filter(|s| *s != id).collect();
    let at = place.map_or(order.len(), |p| (p - 1).min(order.len()));
    order.insert(at, id);
    order
}

/// The categories in the order the page lists them, each with its depth: from `(id, parent)`
/// in sibling order, parents before children.
pub fn depth_first(nodes: &[(i32, Option<i32>)]) -> Vec<(i32, u32)> {
    let tree = crate::catalog::tree::Tree::new(nodes.iter().copied());
    let mut out = Vec::with_capacity(nodes.len());
    let mut stack: Vec<(i32, u32)> = nodes.iter().rev().filter(|(_, p)| p.is_none()).map(|(id, _)| (*id, 0)).collect();
    while let Some((id, depth)) = stack.pop() {
        if out.iter().any(|(seen, _)| *seen == id) {
            continue;
        }
        out.push((id, depth));
        stack.extend(tree.children(id).iter().rev().map(|c| (*c, depth + 1)));
    }
    out
}

#[cfg(feature = "ssr")]
pub mod service {
    //! The database side: every change takes turns on the `category_tree` counter, touches the
    //! products that show it, and is in the audit log, all in one transaction.

    use super::{
        category_names, category_slug, depth_first, move_problem, parse_parent, parse_place, placed, AdminCategoryRow,
        CategoryField, CategoryProblem,
    };
    use crate::accounts::visitor::Administrator;
    use crate::admin::audit;
    use crate::catalog::changes::touch_category_tree;
    use crate::catalog::tree::Tree;
    use crate::db::entity::{category, category_text, product};
    use crate::i18n::Lang;
    use chrono::{DateTime, Utc};
    use sea_orm::sea_query::Expr;
    use sea_orm::{
        ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionSession,
        TransactionTrait,
    };
    use std::collections::HashMap;

    /// Why a category was not changed.
    #[derive(Debug, thiserror::Error)]
    pub enum CategoryError {
        #[error("no such category")]
        NotFound,
        #[error("refused: {0:?}")]
        Refused(Vec<(CategoryField, CategoryProblem)>),
        #[error(transparent)]
        Db(#[from] DbErr),
    }

    fn refused(field: CategoryField, problem: CategoryProblem) -> CategoryError {
        CategoryError::Refused(vec![(field, problem)])
    }

    /// Every category, in the tree's order: three queries (categories, names, product counts).
    pub async fn categories<C: ConnectionTrait>(db: &C, _admin: &Administrator) -> Result<Vec<AdminCategoryRow>, DbErr> {
        let rows = all(db).await?;
        let mut names: HashMap<(i32, String), String> = category_text::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|t| ((t.category_id, t.lang), t.name))
            .collect();
        let counts: HashMap<i32, i64> = product::Entity::find()
            .select_only()
            .column(product::Column::CategoryId)
            .column_as(product::Column::Id.count(), "n")
            .group_by(product::Column::CategoryId)
            .into_tuple::<(i32, i64)>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let nodes: Vec<(i32, Option<i32>)> = rows.iter().map(|c| (c.id, c.parent_id)).collect();
        let tree = Tree::new(nodes.iter().copied());
        let hidden = tree.hidden_below(rows.iter().filter(|c| c.hidden).map(|c| c.id));
        let by_id: HashMap<i32, &category::Model> = rows.iter().map(|c| (c.id, c)).collect();
        Ok(depth_first(&nodes)
            .into_iter()
            .filter_map(|(id, depth)| {
                let c = by_id.get(&id)?;
                let siblings = match c.parent_id {
                    Some(p) => tree.children(p).to_vec(),
                    None => rows.iter().filter(|r| r.parent_id.is_none()).map(|r| r.id).collect(),
                };
                Some(AdminCategoryRow {
                    id,
                    slug: c.slug.clone(),
                    parent_id: c.parent_id,
                    depth,
                    place: siblings.iter().position(|s| *s == id).map_or(1, |i| i as u32 + 1),
                    names: Lang::ALL.map(|l| names.remove(&(id, l.code().to_owned())).unwrap_or_default()),
                    hidden: c.hidden,
                    hidden_above: c.parent_id.is_some_and(|p| hidden.contains(&p)),
                    products: counts.get(&id).map_or(0, |n| (*n).max(0) as u64),
                })
            })
            .collect())
    }

    /// Every category in sibling order (by place, then id).
    async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<category::Model>, DbErr> {
        category::Entity::find().order_by_asc(category::Column::Position).order_by_asc(category::Column::Id).all(db).await
    }

    /// Marks the products of `id` and everything below it changed (their trail and search
    /// entries show the category).
    async fn touch_subtree<C: ConnectionTrait>(db: &C, tree: &Tree, id: i32) -> Result<(), DbErr> {
        product::Entity::update_many()
            .col_expr(product::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(product::Column::CategoryId.is_in(tree.subtree(id)))
            .exec(db)
            .await?;
        Ok(())
    }

    fn names_detail(names: &[String; 3]) -> String {
        Lang::ALL.iter().zip(names).map(|(l, n)| format!("{}: {n}", l.code())).collect::<Vec<_>>().join(" · ")
    }

    async fn write_names<C: ConnectionTrait>(db: &C, id: i32, names: &[String; 3]) -> Result<(), DbErr> {
        category_text::Entity::delete_many().filter(category_text::Column::CategoryId.eq(id)).exec(db).await?;
        let rows = Lang::ALL.iter().zip(names).map(|(l, n)| category_text::ActiveModel {
            category_id: Set(id),
            lang: Set(l.code().to_owned()),
            name: Set(n.clone()),
        });
        category_text::Entity::insert_many(rows).exec_without_returning(db).await?;
        Ok(())
    }

    /// Creates a category, last among its siblings, shown to shoppers (unless under a hidden
    /// one); returns its id and address.
    pub async fn create<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        admin: &Administrator,
        slug: &str,
        parent: &str,
        names: [&str; 3],
        now: DateTime<Utc>,
    ) -> Result<(i32, String), CategoryError> {
        let mut problems = Vec::new();
        let slug = category_slug(slug).map_err(|p| problems.push((CategoryField::Slug, p))).ok();
        let parent = parse_parent(parent).map_err(|p| problems.push((CategoryField::Parent, p))).ok();
        let names = category_names(names).map_err(|p| problems.extend(p)).ok();
        let (Some(slug), Some(parent), Some(names)) = (slug, parent, names) else {
            return Err(CategoryError::Refused(problems));
        };
        let txn = crate::db::begin(db).await?;
        touch_category_tree(&txn).await?;
        let rows = all(&txn).await?;
        if parent.is_some_and(|p| !rows.iter().any(|c| c.id == p)) {
            return Err(refused(CategoryField::Parent, CategoryProblem::NoSuchParent));
        }
        if rows.iter().any(|c| c.slug == slug) {
            return Err(refused(CategoryField::Slug, CategoryProblem::SlugTaken));
        }
        let position = rows.iter().filter(|c| c.parent_id == parent).map(|c| c.position + 1).max().unwrap_or(0);
        let id = category::Entity::insert(category::ActiveModel {
            parent_id: Set(parent),
            slug: Set(slug.clone()),
            position: Set(position),
            image: Set(None),
            hidden: Set(false),
            ..Default::default()
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        write_names(&txn, id, &names).await?;
        let under = parent.and_then(|p| rows.iter().find(|c| c.id == p)).map_or("—".to_owned(), |c| c.slug.clone());
        audit::record(&txn, admin, audit::Action::CategoryCreate, &format!("category:{id}"), &format!("{slug} under {under}; {}", names_detail(&names)), now)
            .await?;
        txn.commit().await?;
        Ok((id, slug))
    }

    /// Renames a category in the three languages; returns its address.
    pub async fn rename<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        admin: &Administrator,
        id: i32,
        names: [&str; 3],
        now: DateTime<Utc>,
    ) -> Result<String, CategoryError> {
        let names = category_names(names).map_err(CategoryError::Refused)?;
        let txn = crate::db::begin(db).await?;
        touch_category_tree(&txn).await?;
        let rows = all(&txn).await?;
        let c = rows.iter().find(|c| c.id == id).ok_or(CategoryError::NotFound)?;
        write_names(&txn, id, &names).await?;
        touch_subtree(&txn, &Tree::new(rows.iter().map(|c| (c.id, c.parent_id))), id).await?;
        audit::record(&txn, admin, audit::Action::CategoryRename, &format!("category:{id}"), &format!("{}: {}", c.slug, names_detail(&names)), now)
            .await?;
        let slug = c.slug.clone();
        txn.commit().await?;
        Ok(slug)
    }

    /// Moves a category under `parent` (empty: the top level) at the 1-based `place` among its
    /// new siblings (empty: last); never under itself or its own descendants. Returns its address.
    pub async fn move_to<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        admin: &Administrator,
        id: i32,
        parent: &str,
        place: &str,
        now: DateTime<Utc>,
    ) -> Result<String, CategoryError> {
        let mut problems = Vec::new();
        let parent = parse_parent(parent).map_err(|p| problems.push((CategoryField::Parent, p))).ok();
        let place = parse_place(place).map_err(|p| problems.push((CategoryField::Place, p))).ok();
        let (Some(parent), Some(place)) = (parent, place) else {
            return Err(CategoryError::Refused(problems));
        };
        let txn = crate::db::begin(db).await?;
        // First: category changes take turns, so the cycle check sees the tree as it is.
        touch_category_tree(&txn).await?;
        let rows = all(&txn).await?;
        let c = rows.iter().find(|c| c.id == id).ok_or(CategoryError::NotFound)?;
        if parent.is_some_and(|p| !rows.iter().any(|c| c.id == p)) {
            return Err(refused(CategoryField::Parent, CategoryProblem::NoSuchParent));
        }
        let tree = Tree::new(rows.iter().map(|c| (c.id, c.parent_id)));
        if let Some(problem) = move_problem(&tree, id, parent) {
            return Err(refused(CategoryField::Parent, problem));
        }
        let siblings: Vec<i32> = rows.iter().filter(|r| r.parent_id == parent).map(|r| r.id).collect();
        let order = placed(&siblings, id, place);
        category::Entity::update_many()
            .col_expr(category::Column::ParentId, Expr::value(parent))
            .filter(category::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        for (position, sibling) in order.iter().enumerate() {
            let position = position as i32;
            let same = rows.iter().any(|r| r.id == *sibling && r.position == position && r.parent_id == parent);
            if !same {
                category::Entity::update_many()
                    .col_expr(category::Column::Position, Expr::value(position))
                    .filter(category::Column::Id.eq(*sibling))
                    .exec(&txn)
                    .await?;
            }
        }
        touch_subtree(&txn, &tree, id).await?;
        let slug_of = |p: Option<i32>| p.and_then(|p| rows.iter().find(|c| c.id == p)).map_or("—".to_owned(), |c| c.slug.clone());
        let at = order.iter().position(|s| *s == id).map_or(1, |i| i + 1);
        let detail = format!("{}: {} → {}, place {at}", c.slug, slug_of(c.parent_id), slug_of(parent));
        audit::record(&txn, admin, audit::Action::CategoryMove, &format!("category:{id}"), &detail, now).await?;
        let slug = c.slug.clone();
        txn.commit().await?;
        Ok(slug)
    }

    /// Hides a category (with everything under it) from shoppers, or shows it again. Returns
    /// its address; a category already so changes nothing.
    pub async fn set_hidden<C: ConnectionTrait + TransactionTrait>(
        db: &C,
        admin: &Administrator,
        id: i32,
        hidden: bool,
        now: DateTime<Utc>,
    ) -> Result<String, CategoryError> {
        let txn = crate::db::begin(db).await?;
        touch_category_tree(&txn).await?;
        let rows = all(&txn).await?;
        let c = rows.iter().find(|c| c.id == id).ok_or(CategoryError::NotFound)?;
        if c.hidden == hidden {
            // Nothing to do: the transaction (and its tree version) is rolled back.
            return Ok(c.slug.clone());
        }
        category::Entity::update_many()
            .col_expr(category::Column::Hidden, Expr::value(hidden))
            .filter(category::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        touch_subtree(&txn, &Tree::new(rows.iter().map(|c| (c.id, c.parent_id))), id).await?;
        let action = if hidden { audit::Action::CategoryHide } else { audit::Action::CategoryShow };
        audit::record(&txn, admin, action, &format!("category:{id}"), &c.slug, now).await?;
        let slug = c.slug.clone();
        txn.commit().await?;
        Ok(slug)
    }
}

#[server(prefix = "/api", endpoint = "admin_categories", output = Wire)]
pub async fn get_admin_categories() -> Result<CategoriesAdminPage, AppError> {
    let admin = crate::accounts::visitor::administrator()?;
    let answer = crate::accounts::api::server_side::take_flash();
    let db = crate::server::db()?;
    Ok(CategoriesAdminPage { rows: service::categories(&db, &admin).await?, answer })
}

/// The answer of a category change, sent back to the page (a plain post: through the flash).
#[cfg(feature = "ssr")]
fn answered(
    lang: &str,
    change: CategoryChange,
    category_id: Option<i32>,
    typed: CategoryTyped,
    result: Result<(Option<i32>, String), service::CategoryError>,
) -> Result<CategoryAnswer, AppError> {
    use service::CategoryError;
    let lang = crate::accounts::api::server_side::lang_of(lang);
    let mut answer = CategoryAnswer { change, category_id, slug: String::new(), done: false, problems: Vec::new(), typed };
    match result {
        Ok((id, slug)) => {
            answer.done = true;
            answer.category_id = id.or(category_id);
            answer.slug = slug;
            answer.typed = CategoryTyped::default();
        }
        Err(CategoryError::Refused(problems)) => answer.problems = problems,
        Err(CategoryError::NotFound) => return Err(AppError::NotFound),
        Err(CategoryError::Db(e)) => return Err(e.into()),
    }
    Ok(crate::accounts::api::server_side::again(answer, &format!("/{}/admin/categories", lang.code())))
}

/// Creates a category: its address, parent (empty: the top level) and names.
#[server(prefix = "/api", endpoint = "admin_category_create", output = Wire)]
pub async fn create_category(
    lang: String,
    slug: String,
    #[server(default)] parent: String,
    name_et: String,
    name_en: String,
    name_ru: String,
) -> Result<CategoryAnswer, AppError> {
    let admin = crate::accounts::visitor::administrator()?;
    let db = crate::server::db()?;
    let names = [name_et.as_str(), name_en.as_str(), name_ru.as_str()];
    let typed = CategoryTyped::kept(&slug, &parent, names, "");
    let result = service::create(&db, &admin, &slug, &parent, names, chrono::Utc::now()).await.map(|(id, slug)| (Some(id), slug));
    answered(&lang, CategoryChange::Create, None, typed, result)
}

/// Renames a category in Estonian, English and Russian.
#[server(prefix = "/api", endpoint = "admin_category_rename", output = Wire)]
pub async fn rename_category(lang: String, id: i32, name_et: String, name_en: String, name_ru: String) -> Result<CategoryAnswer, AppError> {
    let admin = crate::accounts::visitor::administrator()?;
    let db = crate::server::db()?;
    let names = [name_et.as_str(), name_en.as_str(), name_ru.as_str()];
    let typed = CategoryTyped::kept("", "", names, "");
    let result = service::rename(&db, &admin, id, names, chrono::Utc::now()).await.map(|slug| (None, slug));
    answered(&lang, CategoryChange::Rename, Some(id), typed, result)
}

/// Moves a category under `parent` (empty: the top level), at `place` among its new siblings
/// (1 is first; empty: last).
#[server(prefix = "/api", endpoint = "admin_category_move", output = Wire)]
pub async fn move_category(
    lang: String,
    id: i32,
    #[server(default)] parent: String,
    #[server(default)] place: String,
) -> Result<CategoryAnswer, AppError> {
    let admin = crate::accounts::visitor::administrator()?;
    let db = crate::server::db()?;
    let typed = CategoryTyped::kept("", &parent, ["", "", ""], &place);
    let result = service::move_to(&db, &admin, id, &parent, &place, chrono::Utc::now()).await.map(|slug| (None, slug));
    answered(&lang, CategoryChange::Move, Some(id), typed, result)
}

/// Hides a category from shoppers (`visibility=hide`) or shows it again (`show`).
#[server(prefix = "/api", endpoint = "admin_category_visibility", output = Wire)]
pub async fn set_category_visibility(lang: String, id: i32, visibility: String) -> Result<CategoryAnswer, AppError> {
    let admin = crate::accounts::visitor::administrator()?;
    let (change, hidden) = match visibility.as_str() {
        "hide" => (CategoryChange::Hide, true),
        "show" => (CategoryChange::Show, false),
        _ => return Err(AppError::BadRequest(format!("visibility {visibility:?}"))),
    };
    let db = crate::server::db()?;
    let result = service::set_hidden(&db, &admin, id, hidden, chrono::Utc::now()).await.map(|slug| (None, slug));
    answered(&lang, change, Some(id), CategoryTyped::default(), result)
}

pub mod page {
    //! The page: the new-category form, then every category in the tree's order with its
    //! rename, move and hide/show forms. Plain forms without JavaScript (the flash brings a
    //! refused form back with what was typed and the problems beside the fields), answered in
    //! place when hydrated. Texts: `locales/*/area_admin.toml`.

    use super::{
        get_admin_categories, AdminCategoryRow, CategoriesAdminPage, CategoryAnswer, CategoryChange, CategoryField,
        CategoryProblem, CreateCategory, MoveCategory, RenameCategory, SetCategoryVisibility, NAME_MAX, SLUG_MAX,
    };
    use crate::admin::applications::AdminNav;
    use crate::catalog::tree::Tree;
    use crate::i18n::area::use_area_texts;
    use crate::i18n::{fill, AreaTexts, Lang, Texts};
    use crate::seo::NoIndex;
    use crate::ui::{loaded, use_lang};
    use leptos::form::ActionForm;
    use leptos::prelude::*;
    use leptos_meta::Title;

    /// The four actions of the page.
    #[derive(Clone, Copy)]
    struct Actions {
        create: ServerAction<CreateCategory>,
        rename: ServerAction<RenameCategory>,
        moving: ServerAction<MoveCategory>,
        visibility: ServerAction<SetCategoryVisibility>,
    }

    pub fn problem_text(t: &'static Texts, a: &'static AreaTexts, p: CategoryProblem) -> String {
        match p {
            CategoryProblem::Text(p) => crate::checkout::validate::message(t, p),
            CategoryProblem::SlugFormat => a.admin_cat_slug_format.to_owned(),
            CategoryProblem::SlugTaken => a.admin_cat_slug_taken.to_owned(),
            CategoryProblem::UnderItself => a.admin_cat_under_itself.to_owned(),
            CategoryProblem::UnderDescendant => a.admin_cat_under_descendant.to_owned(),
            CategoryProblem::NoSuchParent => a.admin_cat_no_parent.to_owned(),
            CategoryProblem::Place => a.admin_cat_place_invalid.to_owned(),
        }
    }

    fn name_label(a: &'static AreaTexts, lang: Lang) -> &'static str {
        match lang {
            Lang::Et => a.admin_cat_name_et,
            Lang::En => a.admin_cat_name_en,
            Lang::Ru => a.admin_cat_name_ru,
        }
    }

    #[component]
    pub fn AdminCategoriesPage() -> impl IntoView {
        let actions = Actions {
            create: ServerAction::<CreateCategory>::new(),
            rename: ServerAction::<RenameCategory>::new(),
            moving: ServerAction::<MoveCategory>::new(),
            visibility: ServerAction::<SetCategoryVisibility>::new(),
        };
        let data = crate::wire::resource(
            move || {
                actions.create.version().get()
                    + actions.rename.version().get()
                    + actions.moving.version().get()
                    + actions.visibility.version().get()
            },
            |_| get_admin_categories(),
        );
        view! { <NoIndex/>{loaded(data, move |page| view! { <Body page actions/> })} }
    }

    #[component]
    fn Body(page: CategoriesAdminPage, actions: Actions) -> impl IntoView {
        let lang = use_lang().get_untracked();
        let (t, a) = (lang.texts(), use_area_texts());
        // The newest answer: of the action that ran last (hydrated), else the flash.
        let answer: Option<CategoryAnswer> = [
            actions.create.value().get_untracked(),
            actions.rename.value().get_untracked(),
            actions.moving.value().get_untracked(),
            actions.visibility.value().get_untracked(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::ok)
        .or(page.answer.clone());
        let notice = answer.clone().map(|x| {
            let text = match (x.done, x.change) {
                (true, CategoryChange::Create) => fill(a.admin_cat_created, &[("slug", &x.slug)]),
                (true, CategoryChange::Rename) => fill(a.admin_cat_renamed, &[("slug", &x.slug)]),
                (true, CategoryChange::Move) => fill(a.admin_cat_moved, &[("slug", &x.slug)]),
                (true, CategoryChange::Hide) => fill(a.admin_cat_hidden_done, &[("slug", &x.slug)]),
                (true, CategoryChange::Show) => fill(a.admin_cat_shown_done, &[("slug", &x.slug)]),
                (false, _) => a.admin_cat_not_saved.to_owned(),
            };
            let (class, role) = if x.done { ("notice", "status") } else { ("notice error", "alert") };
            view! { <p class=class role=role data-testid="admin-notice">{text}</p> }
        });
        let tree = Tree::new(page.rows.iter().map(|r| (r.id, r.parent_id)));
        let parents: Vec<(i32, String)> =
            page.rows.iter().map(|r| (r.id, format!("{}{} ({})", "— ".repeat(r.depth as usize), r.name(lang), r.slug))).collect();
        let empty = page.rows.is_empty();
        let rows = page.rows.clone();
        view! {
            <Title text=format!("{} — {}", a.admin_cat_title, t.site_name)/>
            <h1>{a.admin_cat_title}</h1>
            <AdminNav lang/>
            <p class="lead">{a.admin_cat_lead}</p>
            {notice}
            <section aria-labelledby="cat-new">
                <h2 id="cat-new">{a.admin_cat_new}</h2>
                <CreateForm lang answer=answer.clone() parents=parents.clone() action=actions.create/>
            </section>
            <section aria-labelledby="cat-all">
                <h2 id="cat-all">{a.admin_cat_all}</h2>
                {empty.then(|| view! { <p>{a.admin_cat_none}</p> })}
                <ul class="applications category-admin" data-testid="admin-categories">
                    {rows.into_iter().map(|row| {
                        // Where it may go: anywhere but under itself or below it.
                        let below = tree.subtree(row.id);
                        let options: Vec<(i32, String)> = parents.iter().filter(|(id, _)| !below.contains(id)).cloned().collect();
                        view! { <Row lang row answer=answer.clone() options actions/> }
                    }).collect_view()}
                </ul>
            </section>
        }
    }

    /// A text input with its label and, when refused, its problem (described by it).
    #[component]
    fn TextField(
        id: String,
        name: &'static str,
        label: &'static str,
        value: String,
        max: usize,
        problem: Option<CategoryProblem>,
        #[prop(optional)] hint: Option<&'static str>,
    ) -> impl IntoView {
        let (t, a) = (use_lang().get_untracked().texts(), use_area_texts());
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        let described = match (problem.is_some(), hint.is_some()) {
            (true, true) => Some(format!("{error_id} {hint_id}")),
            (true, false) => Some(error_id.clone()),
            (false, true) => Some(hint_id.clone()),
            (false, false) => None,
        };
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id name=name type="text" value=value maxlength=max required autocomplete="off"
                    aria-invalid=problem.map(|_| "true") aria-describedby=described/>
                {hint.map(|h| view! { <p class="field-hint" id=hint_id>{h}</p> })}
                {problem.map(|p| view! { <p class="field-error" id=error_id>{problem_text(t, a, p)}</p> })}
            </div>
        }
    }

    /// The parent choice: the top level, then the categories it may go under.
    #[component]
    fn ParentSelect(id: String, options: Vec<(i32, String)>, selected: String, problem: Option<CategoryProblem>) -> impl IntoView {
        let (t, a) = (use_lang().get_untracked().texts(), use_area_texts());
        let error_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id.clone()>{a.admin_cat_parent}</label>
                <select id=id name="parent" aria-invalid=problem.map(|_| "true") aria-describedby=problem.map(|_| error_id.clone())>
                    <option value="" selected=selected.is_empty()>{a.admin_cat_top_level}</option>
                    {options.into_iter().map(|(value, label)| {
                        let value = value.to_string();
                        let chosen = value == selected;
                        view! { <option selected=chosen value=value>{label}</option> }
                    }).collect_view()}
                </select>
                {problem.map(|p| view! { <p class="field-error" id=error_id>{problem_text(t, a, p)}</p> })}
            </div>
        }
    }

    #[component]
    fn CreateForm(lang: Lang, answer: Option<CategoryAnswer>, parents: Vec<(i32, String)>, action: ServerAction<CreateCategory>) -> impl IntoView {
        let a = use_area_texts();
        let mine = answer.filter(|x| x.about(CategoryChange::Create, None));
        let typed = mine.as_ref().map(|x| x.typed.clone()).unwrap_or_default();
        let problem = |field| mine.as_ref().and_then(|x| x.problem(CategoryChange::Create, None, field));
        let names = Lang::ALL.into_iter().enumerate().map(|(i, l)| {
            let name = match l {
                Lang::Et => "name_et",
                Lang::En => "name_en",
                Lang::Ru => "name_ru",
            };
            view! { <TextField id=format!("cat-new-{name}") name label=name_label(a, l) value=typed.names[i].clone() max=NAME_MAX problem=problem(CategoryField::Name(l))/> }
        }).collect_view();
        let (slug_problem, parent_problem) = (problem(CategoryField::Slug), problem(CategoryField::Parent));
        view! {
            <ActionForm action attr:class="account-form" attr:data-testid="category-create">
                <input type="hidden" name="lang" value=lang.code()/>
                <TextField id="cat-new-slug".to_owned() name="slug" label=a.admin_cat_slug value=typed.slug.clone() max=SLUG_MAX
                    problem=slug_problem hint=a.admin_cat_slug_hint/>
                <ParentSelect id="cat-new-parent".to_owned() options=parents selected=typed.parent.clone() problem=parent_problem/>
                {names}
                <button type="submit" class="primary">{a.admin_cat_create}</button>
            </ActionForm>
        }
    }

    #[component]
    fn Row(lang: Lang, row: AdminCategoryRow, answer: Option<CategoryAnswer>, options: Vec<(i32, String)>, actions: Actions) -> impl IntoView {
        let a = use_area_texts();
        let id = row.id;
        let code = lang.code();
        let name = row.name(lang).to_owned();
        // A refused rename or move of this category comes back open, with what was typed.
        let renaming = answer.clone().filter(|x| x.about(CategoryChange::Rename, Some(id)));
        let moving = answer.filter(|x| x.about(CategoryChange::Move, Some(id)));
        let rename_names = renaming.as_ref().map_or(row.names.clone(), |x| x.typed.names.clone());
        let rename_problem = |field| renaming.as_ref().and_then(|x| x.problem(CategoryChange::Rename, Some(id), field));
        let move_parent = moving.as_ref().map_or(row.parent_id.map(|p| p.to_string()).unwrap_or_default(), |x| x.typed.parent.clone());
        let move_place = moving.as_ref().map_or(row.place.to_string(), |x| x.typed.place.clone());
        let move_problem = |field| moving.as_ref().and_then(|x| x.problem(CategoryChange::Move, Some(id), field));
        let status = if row.hidden {
            Some(a.admin_cat_hidden)
        } else if row.hidden_above {
            Some(a.admin_cat_hidden_by_parent)
        } else {
            None
        };
        let rename_fields = Lang::ALL.into_iter().enumerate().map(|(i, l)| {
            let field = match l {
                Lang::Et => "name_et",
                Lang::En => "name_en",
                Lang::Ru => "name_ru",
            };
            view! { <TextField id=format!("cat-{id}-{field}") name=field label=name_label(a, l) value=rename_names[i].clone() max=NAME_MAX problem=rename_problem(CategoryField::Name(l))/> }
        }).collect_view();
        let place_id = format!("cat-{id}-place");
        let (place_problem, parent_problem) = (move_problem(CategoryField::Place), move_problem(CategoryField::Parent));
        let shown_hidden = if row.hidden || row.hidden_above { "true" } else { "false" };
        let (visibility, visibility_button) = if row.hidden { ("show", a.admin_cat_show) } else { ("hide", a.admin_cat_hide) };
        let (t, hide_label) = (lang.texts(), fill(if row.hidden { a.admin_cat_show_who } else { a.admin_cat_hide_who }, &[("name", &name)]));
        view! {
            <li class=format!("application depth-{}", row.depth.min(5)) data-testid="admin-category" data-slug=row.slug.clone()
                data-hidden=shown_hidden>
                <h3>{name.clone()}" "<span class="muted">{format!("/c/{} · {}", row.slug, fill(a.admin_cat_products, &[("n", &row.products.to_string())]))}</span></h3>
                {status.map(|s| view! { <p class="notice">{s}</p> })}
                <details open=renaming.is_some()>
                    <summary>{a.admin_cat_rename}</summary>
                    <ActionForm action=actions.rename attr:class="account-form">
                        <input type="hidden" name="lang" value=code/>
                        <input type="hidden" name="id" value=id/>
                        {rename_fields}
                        <button type="submit">{a.admin_cat_save_names}</button>
                    </ActionForm>
                </details>
                <details open=moving.is_some()>
                    <summary>{a.admin_cat_move}</summary>
                    <ActionForm action=actions.moving attr:class="account-form">
                        <input type="hidden" name="lang" value=code/>
                        <input type="hidden" name="id" value=id/>
                        <ParentSelect id=format!("cat-{id}-parent") options selected=move_parent problem=parent_problem/>
                        <div class="field">
                            <label for=place_id.clone()>{a.admin_cat_place}</label>
                            <input id=place_id.clone() name="place" type="text" inputmode="numeric" value=move_place maxlength="6" autocomplete="off"
                                aria-invalid=place_problem.map(|_| "true") aria-describedby=format!("{place_id}-hint")/>
                            <p class="field-hint" id=format!("{place_id}-hint")>{a.admin_cat_place_hint}</p>
                            {place_problem.map(|p| view! { <p class="field-error">{problem_text(t, a, p)}</p> })}
                        </div>
                        <button type="submit">{a.admin_cat_move_button}</button>
                    </ActionForm>
                </details>
                <ActionForm action=actions.visibility attr:class="inline-form">
                    <input type="hidden" name="lang" value=code/>
                    <input type="hidden" name="id" value=id/>
                    <input type="hidden" name="visibility" value=visibility/>
                    <button type="submit" class="secondary" aria-label=hide_label>{visibility_button}</button>
                </ActionForm>
            </li>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::tree::Tree;

    #[test]
    fn names_are_one_line_of_at_most_80_characters() {
        assert_eq!(category_name("  Piim   ja munad "), Ok("Piim ja munad".into()));
        assert_eq!(category_name("   "), Err(CategoryProblem::Text(TextProblem::Required)));
        assert_eq!(category_name(&"ж".repeat(80)).map(|n| n.chars().count()), Ok(80));
        assert_eq!(category_name(&"ж".repeat(81)), Err(CategoryProblem::Text(TextProblem::TooLong { max: NAME_MAX })));
        assert_eq!(category_name("Piim\u{0}"), Err(CategoryProblem::Text(TextProblem::ControlCharacters)));
        assert_eq!(category_name("Piim\nja munad"), Err(CategoryProblem::Text(TextProblem::ControlCharacters)));
        assert_eq!(category_name("Piim \u{202E}dam"), Err(CategoryProblem::Text(TextProblem::ControlCharacters)), "a text-direction override");
        assert_eq!(category_names(["Piim", "", "Молоко"]), Err(vec![(CategoryField::Name(Lang::En), CategoryProblem::Text(TextProblem::Required))]));
        assert_eq!(category_names(["Piim", "Milk", "Молоко"]), Ok(["Piim".into(), "Milk".into(), "Молоко".into()]));
    }

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        assert_eq!(category_slug(" Fresh-Fruit2 "), Ok("fresh-fruit2".into()));
        assert_eq!(category_slug(""), Err(CategoryProblem::Text(TextProblem::Required)));
        for bad in ["fresh fruit", "-fruit", "fruit-", "fresh--fruit", "puuvili-õun", "a/b", "a_b", "%2e"] {
            assert_eq!(category_slug(bad), Err(CategoryProblem::SlugFormat), "{bad}");
        }
        assert!(category_slug(&"a".repeat(SLUG_MAX)).is_ok());
        assert_eq!(category_slug(&"a".repeat(SLUG_MAX + 1)), Err(CategoryProblem::Text(TextProblem::TooLong { max: SLUG_MAX })));
    }

    #[test]
    fn a_category_never_moves_under_itself_or_below_itself() {
        // 1 food ─ 2 dairy ─ 4 cheese
        //        └ 3 bread
        // 5 home
        let t = Tree::new([(1, None), (2, Some(1)), (3, Some(1)), (4, Some(2)), (5, None)]);
        assert_eq!(move_problem(&t, 2, Some(2)), Some(CategoryProblem::UnderItself));
        assert_eq!(move_problem(&t, 1, Some(4)), Some(CategoryProblem::UnderDescendant));
        assert_eq!(move_problem(&t, 1, Some(2)), Some(CategoryProblem::UnderDescendant));
        assert_eq!(move_problem(&t, 2, Some(5)), None);
        assert_eq!(move_problem(&t, 4, Some(3)), None, "to a sibling of its parent");
        assert_eq!(move_problem(&t, 4, None), None, "to the top level");
        assert_eq!(move_problem(&t, 2, Some(1)), None, "where it is (a new place among its siblings)");
    }

    #[test]
    fn parents_and_places_are_read_leniently_but_never_guessed() {
        assert_eq!(parse_parent(""), Ok(None));
        assert_eq!(parse_parent(" 12 "), Ok(Some(12)));
        assert_eq!(parse_parent("x"), Err(CategoryProblem::NoSuchParent));
        assert_eq!(parse_place(""), Ok(None));
        assert_eq!(parse_place("3"), Ok(Some(3)));
        for bad in ["0", "-1", "+2", "1.5", "two"] {
            assert_eq!(parse_place(bad), Err(CategoryProblem::Place), "{bad}");
        }
    }

    #[test]
    fn a_place_puts_the_category_among_its_siblings() {
        assert_eq!(placed(&[10, 20, 30], 40, Some(1)), vec![40, 10, 20, 30]);
        assert_eq!(placed(&[10, 20, 30], 40, Some(2)), vec![10, 40, 20, 30]);
        assert_eq!(placed(&[10, 20, 30], 40, None), vec![10, 20, 30, 40]);
        assert_eq!(placed(&[10, 20, 30], 40, Some(99)), vec![10, 20, 30, 40], "past the end: last");
        assert_eq!(placed(&[10, 20, 30], 10, Some(3)), vec![20, 30, 10], "moving within its siblings");
        assert_eq!(placed(&[], 40, Some(2)), vec![40]);
    }

    #[test]
    fn the_list_runs_depth_first_in_sibling_order() {
        let nodes = [(1, None), (5, None), (3, Some(1)), (2, Some(1)), (4, Some(2))];
        assert_eq!(depth_first(&nodes), vec![(1, 0), (3, 1), (2, 1), (4, 2), (5, 0)]);
    }

    #[test]
    fn a_refused_answer_belongs_to_its_form() {
        let answer = CategoryAnswer {
            change: CategoryChange::Rename,
            category_id: Some(7),
            slug: String::new(),
            done: false,
            problems: vec![(CategoryField::Name(Lang::Ru), CategoryProblem::Text(TextProblem::Required))],
            typed: CategoryTyped::kept("", "", ["Piim", "Milk", ""], ""),
        };
        assert!(answer.about(CategoryChange::Rename, Some(7)));
        assert!(!answer.about(CategoryChange::Rename, Some(8)));
        assert!(!answer.about(CategoryChange::Move, Some(7)));
        assert_eq!(answer.problem(CategoryChange::Rename, Some(7), CategoryField::Name(Lang::Ru)), Some(CategoryProblem::Text(TextProblem::Required)));
        assert_eq!(answer.problem(CategoryChange::Rename, Some(7), CategoryField::Name(Lang::Et)), None);
        let long = CategoryTyped::kept(&"s".repeat(500), "", ["ж".repeat(500).as_str(), "", ""], "");
        assert_eq!((long.slug.chars().count(), long.names[0].chars().count()), (TYPED_MAX, TYPED_MAX));
    }
}
