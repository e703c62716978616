//! Carts in the database. A guest's cart is found by the SHA-256 of the random token in the
//! `turg_cart` cookie; lines are offers × quantity (at most the offer's stock); each seller
//! group remembers the delivery method the shopper chose. `facts` loads everything pricing
//! needs in a handful of queries, and checkout uses the same function.

use super::pricing::{line_problem, price_cart, CartQuote, LineFacts};
use super::{Added, CartGroupView, CartLineView, CartView, LineMode, MethodOptionView, IDLE_DAYS, MAX_LINES, MAX_QUANTITY};
use crate::db::entity::{cart, cart_line, cart_method, delivery_method, offer, order, order_line, product, seller};
use crate::delivery::{County, MethodTerms};
use crate::i18n::Lang;
use crate::ids::{CartId, OfferId};
use crate::catalog::SellerStatus;
use crate::offers::service::{localized, method_terms, seller_brief};
use crate::vat::{rate_bp, VatClass};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};
use std::collections::HashMap;

/// Why a cart change was refused.
#[derive(Debug, thiserror::Error)]
pub enum CartError {
    #[error("no such offer")]
    NoOffer,
    #[error("the offer is not for sale")]
    NotSold,
    #[error("sold out")]
    SoldOut,
    #[error("no such line in this cart")]
    NoLine,
    #[error("the method does not belong to this seller")]
    NoMethod,
    /// The cart already has [`MAX_LINES`] lines; nothing was added.
    #[error("the cart is full")]
    Full,
    /// More than [`MAX_QUANTITY`] units of one offer; nothing was changed.
    #[error("too many units of one offer")]
    TooManyUnits,
    /// The product cannot be stored in a pantry.
    #[error("the product cannot be stored")]
    NotStorable,
    /// Only a signed-in shopper has a pantry; the cart is kept as it was.
    #[error("sign in to store products")]
    NeedsAccount,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The cart of a token, if there is one.
pub async fn find<C: ConnectionTrait>(db: &C, token: &str) -> Result<Option<cart::Model>, DbErr> {
    cart::Entity::find()
        .filter(cart::Column::TokenHash.eq(crate::server::token_hash(token)))
        .one(db)
        .await
}

/// Whose cart is meant: a signed-in account's (found by its id: one cart per account, on every
/// device), or a guest's (found by the cookie's token).
#[derive(Clone, Copy, Debug)]
pub enum CartOwner<'a> {
    Account(i32),
    Guest(Option<&'a str>),
}

/// The owner's cart, if there is one. A guest cookie never opens an account's cart.
pub async fn find_owned<C: ConnectionTrait>(db: &C, owner: CartOwner<'_>) -> Result<Option<cart::Model>, DbErr> {
    match owner {
        CartOwner::Account(user_id) => cart::Entity::find().filter(cart::Column::UserId.eq(user_id)).one(db).await,
        CartOwner::Guest(Some(token)) => {
            Ok(find(db, token).await?.filter(|c| c.user_id.is_none()))
        }
        CartOwner::Guest(None) => Ok(None),
    }
}

/// The owner's cart, or a new one; for a guest also the new token (for the cookie).
pub async fn find_or_create<C: ConnectionTrait>(
    db: &C,
    owner: CartOwner<'_>,
    now: DateTime<Utc>,
) -> Result<(cart::Model, Option<String>), DbErr> {
    if let Some(cart) = find_owned(db, owner).await? {
        return Ok((cart, None));
    }
    // An account's cart needs no cookie; its token column still holds a random, unused hash.
    let token = crate::server::random_token();
    let user_id = match owner {
        CartOwner::Account(id) => Some(id),
        CartOwner::Guest(_) => None,
    };
    let cart = cart::ActiveModel {
        token_hash: Set(crate::server::token_hash(&token)),
        county: Set(County::DEFAULT),
        draft: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        user_id: Set(user_id),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok((cart, user_id.is_none().then_some(token)))
}

/// At sign-in, the guest cart of this browser joins the account's cart: a line of an offer
/// the account's cart already holds adds its quantity (at most the offer's stock and
/// [`MAX_QUANTITY`]); other lines move over while the cart has room ([`MAX_LINES`]). When the
/// account has no cart yet, the guest cart becomes its cart. The guest cart is left empty
/// (an order awaiting payment may still point at it). Returns the account's cart.
pub async fn adopt_guest_cart<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    guest_token: Option<&str>,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<cart::Model>, DbErr> {
    let txn = crate::db::begin(db).await?;
    let guest = find_owned(&txn, CartOwner::Guest(guest_token)).await?;
    let mine = find_owned(&txn, CartOwner::Account(user_id)).await?;
    let result = match (guest, mine) {
        (None, mine) => mine,
        (Some(guest), None) => {
            cart::Entity::update_many()
                .col_expr(cart::Column::UserId, Expr::value(user_id))
                .col_expr(cart::Column::UpdatedAt, Expr::value(now))
                .filter(cart::Column::Id.eq(guest.id))
                .exec(&txn)
                .await?;
            cart::Entity::find_by_id(guest.id).one(&txn).await?
        }
        (Some(guest), Some(mine)) => {
            let theirs = cart_line::Entity::find().filter(cart_line::Column::CartId.eq(guest.id)).all(&txn).await?;
            let mut lines = cart_line::Entity::find().filter(cart_line::Column::CartId.eq(mine.id)).all(&txn).await?;
            for line in theirs {
                let stock = offer::Entity::find_by_id(line.offer_id).one(&txn).await?.map_or(0, |o| o.stock);
                let cap = stock.clamp(0, MAX_QUANTITY);
                if let Some(same) = lines.iter_mut().find(|l| l.offer_id == line.offer_id && l.mode == line.mode) {
                    let merged = same.quantity.saturating_add(line.quantity).min(cap).max(same.quantity);
                    cart_line::Entity::update_many()
                        .col_expr(cart_line::Column::Quantity, Expr::value(merged))
                        .filter(cart_line::Column::Id.eq(same.id))
                        .exec(&txn)
                        .await?;
                    same.quantity = merged;
                } else if (lines.len() as u64) < MAX_LINES && cap > 0 {
                    cart_line::Entity::update_many()
                        .col_expr(cart_line::Column::CartId, Expr::value(mine.id))
                        .col_expr(cart_line::Column::Quantity, Expr::value(line.quantity.min(cap)))
                        .filter(cart_line::Column::Id.eq(line.id))
                        .exec(&txn)
                        .await?;
                    lines.push(cart_line::Model { cart_id: mine.id, ..line });
                }
            }
            cart_line::Entity::delete_many().filter(cart_line::Column::CartId.eq(guest.id)).exec(&txn).await?;
            touch(&txn, mine.id, now).await?;
            Some(mine)
        }
    };
    txn.commit().await?;
    Ok(result)
}

async fn touch<C: ConnectionTrait>(db: &C, cart_id: i32, now: DateTime<Utc>) -> Result<(), DbErr> {
    cart::Entity::update_many()
        .col_expr(cart::Column::UpdatedAt, Expr::value(now))
        .filter(cart::Column::Id.eq(cart_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Units in a cart.
pub async fn count<C: ConnectionTrait>(db: &C, cart_id: i32) -> Result<i32, DbErr> {
    let lines = cart_line::Entity::find().filter(cart_line::Column::CartId.eq(cart_id)).all(db).await?;
    Ok(lines.iter().map(|l| l.quantity).sum())
}

async fn sellable_offer<C: ConnectionTrait>(db: &C, offer_id: i32) -> Result<offer::Model, CartError> {
    let (offer, seller) = offer::Entity::find_by_id(offer_id)
        .find_also_related(seller::Entity)
        .one(db)
        .await?
        .ok_or(CartError::NoOffer)?;
    if !offer.active || seller.is_none_or(|s| s.status != SellerStatus::Active) {
        return Err(CartError::NotSold);
    }
    Ok(offer)
}

/// Adds `quantity` units of an offer (to an existing line of it, if any), at most what is in
/// stock (the line is then limited to the stock, and says so). Asking for more than
/// [`MAX_QUANTITY`] units in the line, or for a new line in a cart of [`MAX_LINES`] lines, is
/// refused and changes nothing.
pub async fn add<C: ConnectionTrait>(
    db: &C,
    cart_id: CartId,
    offer_id: OfferId,
    quantity: i32,
    now: DateTime<Utc>,
) -> Result<Added, CartError> {
    let (cart_id, offer_id) = (cart_id.0, offer_id.0);
    let offer = sellable_offer(db, offer_id).await?;
    if offer.stock <= 0 {
        return Err(CartError::SoldOut);
    }
    let existing = cart_line::Entity::find()
        .filter(cart_line::Column::CartId.eq(cart_id))
        .filter(cart_line::Column::OfferId.eq(offer_id))
        .filter(cart_line::Column::Mode.eq(LineMode::Deliver))
        .one(db)
        .await?;
    let wanted = existing.as_ref().map_or(0, |l| l.quantity).saturating_add(quantity.max(1));
    if wanted > MAX_QUANTITY {
        return Err(CartError::TooManyUnits);
    }
    if existing.is_none() && cart_line::Entity::find().filter(cart_line::Column::CartId.eq(cart_id)).count(db).await? >= MAX_LINES {
        return Err(CartError::Full);
    }
    let cap = offer.stock.min(MAX_QUANTITY);
    let quantity = wanted.min(cap);
    let line = cart_line::ActiveModel {
        cart_id: Set(cart_id),
        offer_id: Set(offer_id),
        quantity: Set(quantity),
        mode: Set(LineMode::Deliver),
        created_at: Set(now),
        ..Default::default()
    };
    cart_line::Entity::insert(line)
        .on_conflict(
            OnConflict::columns([cart_line::Column::CartId, cart_line::Column::OfferId, cart_line::Column::Mode])
                .update_column(cart_line::Column::Quantity)
                .to_owned(),
        )
        .exec(db)
        .await?;
    touch(db, cart_id, now).await?;
    Ok(Added { quantity, limited_to: (wanted > cap).then_some(cap), count: count(db, cart_id).await? })
}

/// Sets a line's quantity (0 removes it), at most what is in stock. Returns the quantity set
/// and, when it was limited, the limit. More than [`MAX_QUANTITY`] is refused and changes nothing.
pub async fn set_quantity<C: ConnectionTrait>(
    db: &C,
    cart_id: CartId,
    line_id: i32,
    quantity: i32,
    now: DateTime<Utc>,
) -> Result<(i32, Option<i32>), CartError> {
    let cart_id = cart_id.0;
    let line = cart_line::Entity::find_by_id(line_id)
        .filter(cart_line::Column::CartId.eq(cart_id))
        .one(db)
        .await?
        .ok_or(CartError::NoLine)?;
    if quantity > MAX_QUANTITY {
        return Err(CartError::TooManyUnits);
    }
    if quantity <= 0 {
        cart_line::Entity::delete_by_id(line.id).exec(db).await?;
        touch(db, cart_id, now).await?;
        return Ok((0, None));
    }
    let stock = offer::Entity::find_by_id(line.offer_id).one(db).await?.map_or(0, |o| o.stock);
    let cap = stock.clamp(1, MAX_QUANTITY);
    let set = quantity.min(cap);
    let mut active: cart_line::ActiveModel = line.into();
    active.quantity = Set(set);
    active.update(db).await?;
    touch(db, cart_id, now).await?;
    Ok((set, (quantity > cap).then_some(cap)))
}

/// Delivers a line with the order (`store` false) or buys it into the pantry (`store` true):
/// only a signed-in shopper's cart (`account`) can store, and only storable products. A line of
/// the same offer already in the other mode takes this line's units (at most the stock and
/// [`MAX_QUANTITY`]). Refused changes leave the cart as it was.
pub async fn set_mode<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    cart_id: CartId,
    line_id: i32,
    store: bool,
    account: bool,
    now: DateTime<Utc>,
) -> Result<(), CartError> {
    let cart_id = cart_id.0;
    let mode = if store { LineMode::Store } else { LineMode::Deliver };
    let txn = crate::db::begin(db).await?;
    let line = cart_line::Entity::find_by_id(line_id)
        .filter(cart_line::Column::CartId.eq(cart_id))
        .one(&txn)
        .await?
        .ok_or(CartError::NoLine)?;
    if line.mode == mode {
        return Ok(());
    }
    if store && !account {
        return Err(CartError::NeedsAccount);
    }
    let offer = offer::Entity::find_by_id(line.offer_id).one(&txn).await?;
    if store {
        let offer = offer.as_ref().ok_or(CartError::NoOffer)?;
        let storable = product::Entity::find_by_id(offer.product_id).one(&txn).await?.is_some_and(|p| p.storable);
        if !storable {
            return Err(CartError::NotStorable);
        }
    }
    let other = cart_line::Entity::find()
        .filter(cart_line::Column::CartId.eq(cart_id))
        .filter(cart_line::Column::OfferId.eq(line.offer_id))
        .filter(cart_line::Column::Mode.eq(mode))
        .one(&txn)
        .await?;
    match other {
        Some(other) => {
            let merged = other.quantity.saturating_add(line.quantity).min(offer.as_ref().map_or(0, |o| o.stock).clamp(1, MAX_QUANTITY)).max(other.quantity);
            cart_line::Entity::update_many()
                .col_expr(cart_line::Column::Quantity, Expr::value(merged))
                .filter(cart_line::Column::Id.eq(other.id))
                .exec(&txn)
                .await?;
            cart_line::Entity::delete_by_id(line.id).exec(&txn).await?;
        }
        None => {
            cart_line::Entity::update_many()
                .col_expr(cart_line::Column::Mode, Expr::value(mode))
                .filter(cart_line::Column::Id.eq(line.id))
                .exec(&txn)
                .await?;
        }
    }
    touch(&txn, cart_id, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Chooses the delivery method for one seller's goods.
pub async fn choose_method<C: ConnectionTrait>(
    db: &C,
    cart_id: CartId,
    method_id: i32,
    now: DateTime<Utc>,
) -> Result<(), CartError> {
    let cart_id = cart_id.0;
    let method = delivery_method::Entity::find_by_id(method_id).one(db).await?.ok_or(CartError::NoMethod)?;
    let row = cart_method::ActiveModel {
        cart_id: Set(cart_id),
        seller_id: Set(method.seller_id),
        delivery_method_id: Set(method.id),
    };
    cart_method::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([cart_method::Column::CartId, cart_method::Column::SellerId])
                .update_column(cart_method::Column::DeliveryMethodId)
                .to_owned(),
        )
        .exec(db)
        .await?;
    touch(db, cart_id, now).await?;
    Ok(())
}

/// The county the cart is delivered to.
pub async fn set_county<C: ConnectionTrait>(db: &C, cart_id: i32, county: County, now: DateTime<Utc>) -> Result<(), DbErr> {
    cart::Entity::update_many()
        .col_expr(cart::Column::County, Expr::value(county))
        .col_expr(cart::Column::UpdatedAt, Expr::value(now))
        .filter(cart::Column::Id.eq(cart_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Units per offer that the cart's own order awaiting payment holds. Checking the cart out
/// again replaces that order (its stock comes back first, in the same transaction), so for
/// this cart they count as in stock: going back from the bank to choose another payment never
/// finds the cart "sold out" by its own reservation.
async fn held_by_pending_order<C: ConnectionTrait>(db: &C, cart_id: i32) -> Result<HashMap<i32, i32>, DbErr> {
    let pending = Query::select()
        .column(order::Column::Id)
        .from(order::Entity)
        .and_where(order::Column::PendingCartId.eq(cart_id))
        .and_where(order::Column::Status.eq(crate::orders::OrderStatus::AwaitingPayment))
        .to_owned();
    let mut held: HashMap<i32, i32> = HashMap::new();
    for line in order_line::Entity::find().filter(order_line::Column::OrderId.in_subquery(pending)).all(db).await? {
        *held.entry(line.offer_id).or_default() += line.quantity;
    }
    Ok(held)
}

/// Deletes carts unchanged for [`IDLE_DAYS`] before `now`, with their lines, chosen methods and
/// checkout drafts (the draft lives on the cart row). Orders placed from them keep all their
/// data; only their link to the cart (`cart_id`, `pending_cart_id`) is cleared, so a later cart
/// can never be taken for theirs. Returns how many carts were deleted.
pub async fn delete_idle(db: &sea_orm::DatabaseConnection, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let cutoff = now - chrono::Duration::days(IDLE_DAYS);
    let idle = || Query::select().column(cart::Column::Id).from(cart::Entity).and_where(cart::Column::UpdatedAt.lt(cutoff)).to_owned();
    let txn = crate::db::begin(db).await?;
    order::Entity::update_many()
        .col_expr(order::Column::CartId, Expr::value(Option::<i32>::None))
        .filter(order::Column::CartId.in_subquery(idle()))
        .exec(&txn)
        .await?;
    order::Entity::update_many()
        .col_expr(order::Column::PendingCartId, Expr::value(Option::<i32>::None))
        .filter(order::Column::PendingCartId.in_subquery(idle()))
        .exec(&txn)
        .await?;
    cart_line::Entity::delete_many().filter(cart_line::Column::CartId.in_subquery(idle())).exec(&txn).await?;
    cart_method::Entity::delete_many().filter(cart_method::Column::CartId.in_subquery(idle())).exec(&txn).await?;
    let deleted = cart::Entity::delete_many().filter(cart::Column::UpdatedAt.lt(cutoff)).exec(&txn).await?;
    txn.commit().await?;
    Ok(deleted.rows_affected)
}

/// Everything known about a cart's lines, for pricing and display.
pub struct Facts {
    pub county: County,
    pub lines: Vec<LineFacts>,
    /// Per line: the product row and its title in the asked language.
    pub products: Vec<(product::Model, String)>,
    pub sellers: HashMap<i32, seller::Model>,
    pub methods: HashMap<i32, Vec<MethodTerms>>,
    /// Method rows by id (names, for display and snapshots).
    pub method_rows: HashMap<i32, delivery_method::Model>,
    pub chosen: HashMap<i32, i32>,
}

impl Facts {
    /// Prices these facts at `now`.
    pub fn quote(&self, now: DateTime<Utc>) -> CartQuote {
        const NONE: &[MethodTerms] = &[];
        let today = crate::delivery::local_time::to_tallinn(now).date();
        let standard = rate_bp("EE", VatClass::Standard, today).unwrap_or(0);
        price_cart(
            &self.lines,
            |seller| self.methods.get(&seller).map_or(NONE, Vec::as_slice),
            |seller| self.chosen.get(&seller).copied(),
            self.county,
            standard,
            now,
        )
    }
}

/// The delivery methods of these sellers: their terms per seller (in id order), for pricing,
/// and the rows by id (names, for display and snapshots). The cart and the pantry's transport
/// orders price with them.
pub async fn methods_of<C: ConnectionTrait>(
    db: &C,
    seller_ids: Vec<i32>,
) -> Result<(HashMap<i32, Vec<MethodTerms>>, HashMap<i32, delivery_method::Model>), DbErr> {
    let list = delivery_method::Entity::find()
        .filter(delivery_method::Column::SellerId.is_in(seller_ids))
        .order_by_asc(delivery_method::Column::Id)
        .all(db)
        .await?;
    // Per seller, in id order (the query's): no second sort needed.
    let mut terms: HashMap<i32, Vec<MethodTerms>> = HashMap::new();
    for m in &list {
        terms.entry(m.seller_id).or_default().push(method_terms(m));
    }
    Ok((terms, list.into_iter().map(|m| (m.id, m)).collect()))
}

/// Loads a cart's lines with their offers, products, sellers and the sellers' methods.
pub async fn facts<C: ConnectionTrait>(db: &C, cart: &cart::Model, lang: Lang, now: DateTime<Utc>) -> Result<Facts, DbErr> {
    let county = cart.county;
    let lines = cart_line::Entity::find()
        .filter(cart_line::Column::CartId.eq(cart.id))
        .order_by_asc(cart_line::Column::CreatedAt)
        .order_by_asc(cart_line::Column::Id)
        .all(db)
        .await?;
    let held = held_by_pending_order(db, cart.id).await?;
    let offer_ids: Vec<i32> = lines.iter().map(|l| l.offer_id).collect();
    let offers: HashMap<i32, offer::Model> =
        offer::Entity::find().filter(offer::Column::Id.is_in(offer_ids)).all(db).await?.into_iter().map(|o| (o.id, o)).collect();
    let product_ids: Vec<i32> = offers.values().map(|o| o.product_id).collect();
    let seller_ids: Vec<i32> = offers.values().map(|o| o.seller_id).collect();
    let products = crate::catalog::service::products_by_id(db, product_ids.clone()).await?;
    let titles = crate::catalog::service::titles(db, &product_ids, lang).await?;
    let sellers: HashMap<i32, seller::Model> = seller::Entity::find()
        .filter(seller::Column::Id.is_in(seller_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let (methods, method_rows) = methods_of(db, seller_ids).await?;
    let chosen: HashMap<i32, i32> = cart_method::Entity::find()
        .filter(cart_method::Column::CartId.eq(cart.id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.seller_id, c.delivery_method_id))
        .collect();

    let today = crate::delivery::local_time::to_tallinn(now).date();
    let mut facts = Vec::new();
    let mut product_rows = Vec::new();
    for line in &lines {
        // A line whose offer or product has gone (deleted) is skipped: nothing to show or buy.
        let Some(offer) = offers.get(&line.offer_id) else { continue };
        let Some(product) = products.get(&offer.product_id) else { continue };
        let seller_ok = sellers.get(&offer.seller_id).is_some_and(|s| s.status == SellerStatus::Active);
        let class = product.vat_class;
        facts.push(LineFacts {
            line_id: line.id,
            offer_id: offer.id,
            seller_id: offer.seller_id,
            quantity: line.quantity,
            unit_price_cents: offer.price_cents,
            stock: offer.stock.saturating_add(held.get(&offer.id).copied().unwrap_or(0)),
            sellable: offer.active && seller_ok,
            cold_chain: product.cold_chain,
            handling_days: offer.handling_days.max(0) as u32,
            vat_rate_bp: rate_bp("EE", class, today).unwrap_or(0),
            method_ids: offer.delivery_method_ids.as_deref().and_then(|j| serde_json::from_str(j).ok()),
            // A line stored in a cart that lost its account (or a product no longer storable)
            // is delivered instead: never charged for storage that cannot be given.
            store: line.mode == LineMode::Store && product.storable && cart.user_id.is_some(),
        });
        product_rows.push((product.clone(), titles.get(&product.id).cloned().unwrap_or_else(|| product.slug.clone())));
    }
    Ok(Facts { county, lines: facts, products: product_rows, sellers, methods, method_rows, chosen })
}

/// The cart as the cart page shows it.
pub fn view(facts: &Facts, quote: &CartQuote, lang: Lang) -> CartView {
    let groups = quote
        .groups
        .iter()
        .filter_map(|g| {
            let seller = facts.sellers.get(&g.seller_id)?;
            let lines = g
                .lines
                .iter()
                .map(|&i| {
                    let l = &facts.lines[i];
                    let (product, title) = &facts.products[i];
                    let images: Vec<String> = serde_json::from_str(&product.images).unwrap_or_default();
                    CartLineView {
                        line_id: l.line_id,
                        offer_id: l.offer_id,
                        product_slug: product.slug.clone(),
                        title: title.clone(),
                        image: images.into_iter().next(),
                        unit_price_cents: l.unit_price_cents,
                        quantity: l.quantity,
                        total_cents: l.unit_price_cents * i64::from(l.quantity),
                        stock: l.stock,
                        problem: line_problem(l),
                        stored: l.store,
                        storable: product.storable,
                    }
                })
                .collect();
            let options = g
                .options
                .iter()
                .filter_map(|o| {
                    let row = facts.method_rows.get(&o.method_id)?;
                    Some(MethodOptionView {
                        method_id: o.method_id,
                        kind: row.kind,
                        name: localized(&row.name, lang),
                        fee_cents: o.fee_cents,
                        free_over_cents: row.free_over_cents,
                        window: o.window,
                    })
                })
                .collect();
            Some(CartGroupView {
                seller_id: g.seller_id,
                store: g.store,
                seller: seller_brief(seller),
                lines,
                goods_cents: g.goods_cents,
                options,
                chosen: g.chosen.as_ref().map(|c| c.method_id),
            })
        })
        .collect();
    CartView {
        county: facts.county,
        groups,
        goods_cents: quote.goods_cents,
        delivery_cents: quote.delivery_cents,
        total_cents: quote.total_cents,
        vat: quote.vat.clone(),
        count: facts.lines.iter().map(|l| l.quantity).sum(),
        orderable: quote.orderable(),
        delivers: quote.delivers(),
    }
}

/// The cart page's data for the cart of `token` (an empty cart without one).
pub async fn cart_view<C: ConnectionTrait>(
    db: &C,
    owner: CartOwner<'_>,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<CartView, DbErr> {
    let Some(cart) = find_owned(db, owner).await? else {
        return Ok(CartView::default());
    };
    let facts = facts(db, &cart, lang, now).await?;
    let quote = facts.quote(now);
    Ok(view(&facts, &quote, lang))
}
