//! Service tests of administrators managing categories and roles, each on SQLite and
//! PostgreSQL: a category is created, renamed, moved and hidden, and shoppers' navigation,
//! category pages and sitemap follow (a hidden category's products stay on sale by their own
//! pages and search); a refused move (under itself or below itself) changes nothing; every
//! instance's change poller notices each change; roles are granted and revoked, never an
//! administrator's own administrator role nor the last administrator's; every change is in the
//! audit log. Racing: two administrators revoking each other leave one; two moves at once never
//! make a cycle.

mod support;

use app::accounts::visitor::Administrator;
use app::accounts::Role;
use app::admin::categories::service::{categories, create, move_to, rename, set_hidden, CategoryError};
use app::admin::categories::{CategoryField, CategoryProblem};
use app::admin::users::service::{accounts, change_role, RoleError};
use app::admin::users::{RoleChange, RoleProblem};
use app::catalog::changes::Poller;
use app::catalog::paging::ProductSort;
use app::catalog::service::{category_page, home, product_detail, sitemap_slugs};
use app::checkout::validate::Problem as TextProblem;
use app::db::entity::{audit_entry, category, product, user};
use app::i18n::Lang;
use app::ids::UserId;
use app::search::service::Search;
use app::search::SearchParams;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

/// A new account holding the administrator role, signed in: its guard.
async fn admin(db: &DatabaseConnection, email: &str) -> Administrator {
    let now = Utc::now();
    let id = support::confirmed_account(db, email).await;
    app::accounts::service::grant(db, id, Role::Administrator, None, now).await.unwrap();
    let session = app::accounts::service::start_session(db, UserId(id), false, "test", now).await.unwrap();
    let visitor = app::accounts::service::resolve(db, &session.token, now).await.unwrap().expect("a live session");
    Administrator::from_visitor(visitor).expect("holds the role")
}

async fn category_by_slug(db: &DatabaseConnection, slug: &str) -> category::Model {
    category::Entity::find().filter(category::Column::Slug.eq(slug)).one(db).await.unwrap().unwrap_or_else(|| panic!("{slug}"))
}

async fn audit_actions(db: &DatabaseConnection, prefix: &str) -> Vec<(String, String)> {
    audit_entry::Entity::find()
        .order_by_asc(audit_entry::Column::Id)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action.starts_with(prefix))
        .map(|e| (e.action, e.subject))
        .collect()
}

fn refused(result: Result<impl std::fmt::Debug, CategoryError>) -> Vec<(CategoryField, CategoryProblem)> {
    match result {
        Err(CategoryError::Refused(problems)) => problems,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn page_of(db: &DatabaseConnection, lang: Lang, slug: &str) -> Option<app::catalog::CategoryPageData> {
    let snapshot = support::snapshot(db).await;
    category_page(db, &snapshot, lang, slug, ProductSort::default(), 1).await.unwrap()
}

async fn trail(db: &DatabaseConnection, lang: Lang, product_slug: &str) -> Vec<(String, String)> {
    let snapshot = support::snapshot(db).await;
    let detail = product_detail(db, &snapshot, lang, product_slug).await.unwrap().expect("the product's page is there");
    detail.categories.into_iter().map(|c| (c.slug, c.name)).collect()
}

async fn categories_change_what_shoppers_see(db: &DatabaseConnection) {
    use CategoryField::{Name, Parent, Place, Slug};
    support::seeded(db).await;
    let boss = admin(db, "boss@turg.ee").await;
    let now = Utc::now();
    let mut poller = Poller::starting_now();
    assert!(!poller.tree_changed(db).await.unwrap(), "the first look learns the tree's version");
    let food = category_by_slug(db, "food").await;
    let dairy = category_by_slug(db, "dairy-eggs").await;

    // A wrong form: every problem, nothing stored.
    let count = category::Entity::find().count(db).await.unwrap();
    assert_eq!(
        refused(create(db, &boss, "Juust ja vorst", "", ["Juust", " ", "Сыр\u{7}"], now).await),
        vec![
            (Slug, CategoryProblem::SlugFormat),
            (Name(Lang::En), CategoryProblem::Text(TextProblem::Required)),
            (Name(Lang::Ru), CategoryProblem::Text(TextProblem::ControlCharacters)),
        ]
    );
    assert_eq!(refused(create(db, &boss, "cheese", "999999", ["Juust", "Cheese", "Сыр"], now).await), vec![(Parent, CategoryProblem::NoSuchParent)]);
    assert_eq!(refused(create(db, &boss, "dairy-eggs", "", ["Juust", "Cheese", "Сыр"], now).await), vec![(Slug, CategoryProblem::SlugTaken)]);
    assert_eq!(category::Entity::find().count(db).await.unwrap(), count);
    assert!(!poller.tree_changed(db).await.unwrap(), "a refused change is no change");

    // Created under "dairy-eggs": shoppers see it at once (the snapshot), in every language.
    let (cheese, slug) = create(db, &boss, " Cheese ", &dairy.id.to_string(), ["Juust", "Cheese", "Сыр"], now).await.unwrap();
    assert_eq!(slug, "cheese");
    assert!(poller.tree_changed(db).await.unwrap(), "every instance's poller notices, though no product changed");
    assert!(!poller.tree_changed(db).await.unwrap());
    let dairy_page = page_of(db, Lang::En, "dairy-eggs").await.unwrap();
    assert!(dairy_page.children.iter().any(|c| c.slug == "cheese" && c.name == "Cheese"), "{:?}", dairy_page.children);
    let cheese_page = page_of(db, Lang::Ru, "cheese").await.expect("its page");
    assert_eq!(cheese_page.category.name, "Сыр");
    assert_eq!(cheese_page.ancestors.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(), ["food", "dairy-eggs"]);
    assert!(sitemap_slugs(db).await.unwrap().categories.iter().any(|(s, _)| s == "cheese"));

    // One of the dairy products goes into it (as the catalog's editors would).
    let p = product::Entity::find()
        .filter(product::Column::CategoryId.eq(dairy.id))
        .order_by_asc(product::Column::Id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    product::Entity::update_many()
        .col_expr(product::Column::CategoryId, Expr::value(cheese))
        .filter(product::Column::Id.eq(p.id))
        .exec(db)
        .await
        .unwrap();

    // Renamed: refused names change nothing; then the product's trail shows the new name and
    // the product is marked changed (its cached page and search entry follow on every instance).
    let long = "x".repeat(81);
    assert_eq!(
        refused(rename(db, &boss, cheese, ["", &long, "Сыр"], now).await),
        vec![(Name(Lang::Et), CategoryProblem::Text(TextProblem::Required)), (Name(Lang::En), CategoryProblem::Text(TextProblem::TooLong { max: 80 }))]
    );
    assert_eq!(trail(db, Lang::En, &p.slug).await.last().unwrap().1, "Cheese");
    assert!(matches!(rename(db, &boss, 999_999, ["a", "b", "c"], now).await, Err(CategoryError::NotFound)));
    assert_eq!(rename(db, &boss, cheese, ["Juustud", " Cheeses ", "Сыры"], now).await.unwrap(), "cheese");
    assert_eq!(trail(db, Lang::En, &p.slug).await.last().unwrap(), &("cheese".to_owned(), "Cheeses".to_owned()));
    assert_eq!(trail(db, Lang::Et, &p.slug).await.last().unwrap().1, "Juustud");
    let touched = product::Entity::find_by_id(p.id).one(db).await.unwrap().unwrap().updated_at;
    assert!(touched > p.updated_at, "the product was marked changed");
    assert!(poller.tree_changed(db).await.unwrap());

    // Under itself or below itself: refused, and nothing changes (rows, log, version).
    let rows = category::Entity::find().order_by_asc(category::Column::Id).all(db).await.unwrap();
    let logged = audit_actions(db, "").await.len();
    for (id, parent, problem) in [
        (food.id, food.id, CategoryProblem::UnderItself),
        (food.id, cheese, CategoryProblem::UnderDescendant),
        (dairy.id, cheese, CategoryProblem::UnderDescendant),
    ] {
        assert_eq!(refused(move_to(db, &boss, id, &parent.to_string(), "", now).await), vec![(Parent, problem)]);
    }
    assert_eq!(refused(move_to(db, &boss, cheese, "", "0", now).await), vec![(Place, CategoryProblem::Place)]);
    assert_eq!(refused(move_to(db, &boss, cheese, "999999", "", now).await), vec![(Parent, CategoryProblem::NoSuchParent)]);
    assert_eq!(category::Entity::find().order_by_asc(category::Column::Id).all(db).await.unwrap(), rows);
    assert_eq!(audit_actions(db, "").await.len(), logged);
    assert!(!poller.tree_changed(db).await.unwrap());

    // To the top level, first; then under "food" second; then back under "dairy-eggs", last.
    move_to(db, &boss, cheese, "", "1", now).await.unwrap();
    let snapshot = support::snapshot(db).await;
    let tiles = home(db, &snapshot, Lang::En).await.unwrap().categories;
    assert_eq!(tiles[0].category.slug, "cheese");
    assert_eq!(trail(db, Lang::En, &p.slug).await, vec![("cheese".to_owned(), "Cheeses".to_owned())]);
    move_to(db, &boss, cheese, &food.id.to_string(), "2", now).await.unwrap();
    let food_children: Vec<String> = page_of(db, Lang::En, "food").await.unwrap().children.into_iter().map(|c| c.slug).collect();
    assert_eq!(food_children[..2], ["dairy-eggs".to_owned(), "cheese".to_owned()], "{food_children:?}");
    move_to(db, &boss, cheese, &dairy.id.to_string(), "", now).await.unwrap();
    assert_eq!(trail(db, Lang::En, &p.slug).await.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(), ["food", "dairy-eggs", "cheese"]);

    // Hidden: "dairy-eggs" and "cheese" below it disappear for shoppers; their products do not.
    let food_total = page_of(db, Lang::En, "food").await.unwrap().page.total;
    let dairy_total = page_of(db, Lang::En, "dairy-eggs").await.unwrap().page.total;
    assert!(dairy_total >= 2, "the dairy page lists its own products and the cheese one");
    assert_eq!(set_hidden(db, &boss, dairy.id, true, now).await.unwrap(), "dairy-eggs");
    assert!(poller.tree_changed(db).await.unwrap());
    assert!(page_of(db, Lang::En, "dairy-eggs").await.is_none(), "its page answers 404");
    assert!(page_of(db, Lang::Et, "cheese").await.is_none(), "and so does everything under it");
    let food_page = page_of(db, Lang::En, "food").await.unwrap();
    assert!(food_page.children.iter().all(|c| c.slug != "dairy-eggs"));
    assert_eq!(food_page.page.total, food_total - dairy_total, "food no longer lists the hidden products");
    let snapshot = support::snapshot(db).await;
    let tiles = home(db, &snapshot, Lang::Ru).await.unwrap().categories;
    assert!(tiles.iter().all(|t| t.category.slug != "dairy-eggs" && t.children.iter().all(|c| c.slug != "dairy-eggs")));
    let sitemap = sitemap_slugs(db).await.unwrap();
    assert!(sitemap.categories.iter().all(|(s, _)| s != "dairy-eggs" && s != "cheese"), "not in the sitemap");
    assert!(sitemap.categories.iter().any(|(s, _)| s == "food"));
    assert!(sitemap.products.iter().any(|(s, _)| *s == p.slug), "its products are");
    assert_eq!(trail(db, Lang::En, &p.slug).await.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(), ["food"], "the product's page shows the visible part");
    let search = Search::new().unwrap();
    search.build(db).await.unwrap();
    let title = product_detail(db, &snapshot, Lang::En, &p.slug).await.unwrap().unwrap().title;
    let found = app::search::service::search_page(db, &snapshot, &search, Lang::En, SearchParams { q: title.clone(), page: 1, ..Default::default() })
        .await
        .unwrap()
        .unwrap();
    assert!(found.products.iter().any(|c| c.slug == p.slug), "search still finds {title}");
    assert!(found.facets.categories.iter().all(|f| f.value != "dairy-eggs" && f.value != "cheese"), "no facet leads to a hidden category");
    // Administrators still see them, marked.
    let admin_rows = categories(db, &boss).await.unwrap();
    let row = |slug: &str| admin_rows.iter().find(|r| r.slug == slug).unwrap().clone();
    assert!(row("dairy-eggs").hidden && !row("dairy-eggs").hidden_above);
    assert!(!row("cheese").hidden && row("cheese").hidden_above);
    assert_eq!((row("cheese").depth, row("cheese").products, row("cheese").names[2].as_str()), (2, 1, "Сыры"));
    // Hiding it again changes nothing and logs nothing.
    let logged = audit_actions(db, "").await.len();
    set_hidden(db, &boss, dairy.id, true, now).await.unwrap();
    assert_eq!(audit_actions(db, "").await.len(), logged);
    assert!(!poller.tree_changed(db).await.unwrap());

    // Shown again.
    set_hidden(db, &boss, dairy.id, false, now).await.unwrap();
    assert!(page_of(db, Lang::En, "cheese").await.is_some());
    assert_eq!(page_of(db, Lang::En, "food").await.unwrap().page.total, food_total);
    assert!(matches!(set_hidden(db, &boss, 999_999, true, now).await, Err(CategoryError::NotFound)));

    let subject = format!("category:{cheese}");
    let dairy_subject = format!("category:{}", dairy.id);
    let expected: Vec<(&str, &str)> = vec![
        ("category.create", &subject),
        ("category.rename", &subject),
        ("category.move", &subject),
        ("category.move", &subject),
        ("category.move", &subject),
        ("category.hide", &dairy_subject),
        ("category.show", &dairy_subject),
    ];
    let logged = audit_actions(db, "category.").await;
    assert_eq!(logged.iter().map(|(a, s)| (a.as_str(), s.as_str())).collect::<Vec<_>>(), expected);
}
on_both_engines!(categories_change_what_shoppers_see);

async fn administrators_grant_and_revoke_roles(db: &DatabaseConnection) {
    let now = Utc::now();
    let boss = admin(db, "boss@turg.ee").await;
    let mari = support::confirmed_account(db, "mari_m@example.ee").await;
    let gone = support::confirmed_account(db, "gone@example.ee").await;
    user::Entity::update_many()
        .col_expr(user::Column::DeletedAt, Expr::value(Some(now)))
        .filter(user::Column::Id.eq(gone))
        .exec(db)
        .await
        .unwrap();
    for i in 0..31 {
        support::confirmed_account(db, &format!("paged{i:02}@example.ee")).await;
    }

    // Found by a part of the address, taken literally (`_` is not a wildcard); deleted accounts never.
    let (rows, _) = accounts(db, &boss, " MARI_M@ ", None, 1).await.unwrap();
    assert_eq!(rows.iter().map(|r| (r.email.as_str(), r.roles.len(), r.you)).collect::<Vec<_>>(), [("mari_m@example.ee", 0, false)]);
    assert!(accounts(db, &boss, "mari_x", None, 1).await.unwrap().0.is_empty());
    assert!(accounts(db, &boss, "%", None, 1).await.unwrap().0.is_empty());
    assert!(accounts(db, &boss, "gone", None, 1).await.unwrap().0.is_empty());
    let (first, page) = accounts(db, &boss, "paged", None, 1).await.unwrap();
    assert_eq!((first.len(), page.total, page.count), (30, 31, 2));
    let (second, page) = accounts(db, &boss, "paged", None, 2).await.unwrap();
    assert_eq!((second.len(), page.number, second[0].email.as_str()), (1, 2, "paged30@example.ee"));
    let (admins, _) = accounts(db, &boss, "", Some(Role::Administrator), 1).await.unwrap();
    assert_eq!(admins.iter().map(|r| (r.email.as_str(), r.you)).collect::<Vec<_>>(), [("boss@turg.ee", true)]);

    // Granted (once: again changes nothing and logs nothing).
    let roles = |id| async move { app::accounts::service::roles_of(db, id).await.unwrap() };
    assert_eq!(change_role(db, &boss, mari, Role::Support, RoleChange::Grant, now).await.unwrap(), "mari_m@example.ee");
    change_role(db, &boss, mari, Role::Support, RoleChange::Grant, now).await.unwrap();
    change_role(db, &boss, mari, Role::Administrator, RoleChange::Grant, now).await.unwrap();
    assert_eq!(roles(mari).await, [Role::Administrator, Role::Support]);
    assert_eq!(accounts(db, &boss, "", Some(Role::Support), 1).await.unwrap().0.len(), 1);

    // Nobody revokes their own administrator role; another administrator may.
    assert!(matches!(
        change_role(db, &boss, boss.user_id(), Role::Administrator, RoleChange::Revoke, now).await,
        Err(RoleError::Refused(RoleProblem::OwnAdministrator))
    ));
    assert_eq!(roles(boss.user_id()).await, [Role::Administrator]);
    let mari_admin = {
        let session = app::accounts::service::start_session(db, UserId(mari), false, "test", now).await.unwrap();
        Administrator::from_visitor(app::accounts::service::resolve(db, &session.token, now).await.unwrap().unwrap()).unwrap()
    };
    change_role(db, &mari_admin, boss.user_id(), Role::Administrator, RoleChange::Revoke, now).await.unwrap();
    assert!(roles(boss.user_id()).await.is_empty());
    // The guard made before the revoke no longer works for anything.
    assert!(matches!(change_role(db, &boss, mari, Role::Support, RoleChange::Revoke, now).await, Err(RoleError::NotAdministrator)));
    // The last administrator's role stays, their own support role is theirs to drop.
    assert!(matches!(
        change_role(db, &mari_admin, mari, Role::Administrator, RoleChange::Revoke, now).await,
        Err(RoleError::Refused(RoleProblem::LastAdministrator))
    ));
    change_role(db, &mari_admin, mari, Role::Support, RoleChange::Revoke, now).await.unwrap();
    change_role(db, &mari_admin, mari, Role::Support, RoleChange::Revoke, now).await.unwrap();
    assert_eq!(roles(mari).await, [Role::Administrator]);
    // No such account, or a deleted one.
    assert!(matches!(change_role(db, &mari_admin, 999_999, Role::Support, RoleChange::Grant, now).await, Err(RoleError::NotFound)));
    assert!(matches!(change_role(db, &mari_admin, gone, Role::Support, RoleChange::Grant, now).await, Err(RoleError::NotFound)));

    let (m, b) = (format!("user:{mari}"), format!("user:{}", boss.user_id()));
    let expected = [("role.grant", &m), ("role.grant", &m), ("role.revoke", &b), ("role.revoke", &m)];
    let logged = audit_actions(db, "role.").await;
    assert_eq!(logged.iter().map(|(a, s)| (a.as_str(), s)).collect::<Vec<_>>(), expected.map(|(a, s)| (a, s)));
    let details: Vec<String> = audit_entry::Entity::find().order_by_asc(audit_entry::Column::Id).all(db).await.unwrap().into_iter().map(|e| e.detail).collect();
    assert_eq!(details[0], "mari_m@example.ee support");
}
on_both_engines!(administrators_grant_and_revoke_roles);

async fn two_administrators_revoking_each_other_leave_one(db: &DatabaseConnection) {
    let now = Utc::now();
    let mut keeper = admin(db, "first@turg.ee").await;
    for round in 0..4 {
        let other = admin(db, &format!("admin{round}@turg.ee")).await;
        let revoke = |by: Administrator, whom: i32| {
            let db = db.clone();
            tokio::spawn(async move { change_role(&db, &by, whom, Role::Administrator, RoleChange::Revoke, now).await })
        };
        let a = revoke(keeper.clone(), other.user_id());
        let b = revoke(other.clone(), keeper.user_id());
        let (a, b) = (a.await.unwrap(), b.await.unwrap());
        assert!(a.is_ok() != b.is_ok(), "round {round}: exactly one revoke goes through: {a:?} / {b:?}");
        let loser = if a.is_ok() { &b } else { &a };
        assert!(matches!(loser, Err(RoleError::NotAdministrator)), "round {round}: {loser:?}");
        let (admins, _) = accounts(db, &keeper, "", Some(Role::Administrator), 1).await.unwrap();
        assert_eq!(admins.len(), 1, "round {round}: one administrator is left");
        if b.is_ok() {
            keeper = other;
        }
        assert_eq!(admins[0].id, keeper.user_id());
    }
    assert_eq!(audit_actions(db, "role.revoke").await.len(), 4);
}
on_both_engines_racing!(two_administrators_revoking_each_other_leave_one);

async fn two_moves_at_once_never_make_a_cycle(db: &DatabaseConnection) {
    let now = Utc::now();
    let boss = admin(db, "boss@turg.ee").await;
    for round in 0..4 {
        let (a, _) = create(db, &boss, &format!("a{round}"), "", ["A", "A", "A"], now).await.unwrap();
        let (b, _) = create(db, &boss, &format!("b{round}"), "", ["B", "B", "B"], now).await.unwrap();
        let moving = |id: i32, under: i32| {
            let (db, boss) = (db.clone(), boss.clone());
            tokio::spawn(async move { move_to(&db, &boss, id, &under.to_string(), "", now).await })
        };
        let (x, y) = (moving(a, b), moving(b, a));
        let (x, y) = (x.await.unwrap(), y.await.unwrap());
        assert!(x.is_ok() != y.is_ok(), "round {round}: exactly one move goes through: {x:?} / {y:?}");
        let refused = if x.is_ok() { y } else { x };
        assert!(matches!(refused, Err(CategoryError::Refused(ref p)) if p == &vec![(CategoryField::Parent, CategoryProblem::UnderDescendant)]));
        let parents: Vec<Option<i32>> =
            category::Entity::find().filter(category::Column::Id.is_in([a, b])).all(db).await.unwrap().into_iter().map(|c| c.parent_id).collect();
        assert_eq!(parents.iter().filter(|p| p.is_none()).count(), 1, "round {round}: one stays at the top: {parents:?}");
    }
}
on_both_engines_racing!(two_moves_at_once_never_make_a_cycle);
